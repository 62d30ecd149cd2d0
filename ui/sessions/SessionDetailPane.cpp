#include "sessions/SessionDetailPane.h"

#include "common/Format.h"
#include "services/LocaleNames.h"
#include "sessions/SessionEventsModel.h"
#include "sessions/SessionListModel.h"
#include "ui_SessionDetailPane.h"

#include <QEvent>
#include <QHeaderView>
#include <QLocale>

namespace vc::ui {

namespace {

QString languageText(const QString &locale)
{
    if (locale.isEmpty())
        return QStringLiteral("—");
    if (QLocale::codeToLanguage(locale) == QLocale::AnyLanguage)
        return locale;
    return localeDisplayName(locale); // as the Services page lists it: "Norsk bokmål (nb)"
}

QString outOf(int used, int allowed)
{
    return SessionDetailPane::tr("%1 of %2").arg(Format::number(used), Format::number(allowed));
}

} // namespace

SessionDetailPane::SessionDetailPane(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::SessionDetailPane>())
    , m_events(new SessionEventsModel(this))
{
    m_ui->setupUi(this);
    QFont title = m_ui->titleLabel->font();
    title.setBold(true);
    m_ui->titleLabel->setFont(title);
    m_ui->placeholder->setEnabled(false); // greyed, like an empty view's hint

    QTableView *view = m_ui->eventsView;
    view->setModel(m_events);
    view->verticalHeader()->hide();
    view->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    view->horizontalHeader()->setHighlightSections(false);
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    view->horizontalHeader()->setSectionResizeMode(SessionEventsModel::Details,
                                                   QHeaderView::Stretch);
    m_ui->eventsMessage->hide();
    clear();
}

SessionDetailPane::~SessionDetailPane() = default;

QToolButton *SessionDetailPane::copyIdButton() const
{
    return m_ui->copyIdButton;
}

QToolButton *SessionDetailPane::resendButton() const
{
    return m_ui->resendButton;
}

QToolButton *SessionDetailPane::cancelButton() const
{
    return m_ui->cancelButton;
}

QToolButton *SessionDetailPane::retryWebhooksButton() const
{
    return m_ui->retryWebhooksButton;
}

void SessionDetailPane::showSession(const SessionView &session, const QString &serviceName)
{
    if (!m_session || m_session->id != session.id) {
        m_events->setEvents({});
        m_ui->eventsMessage->hide();
    }
    m_session = session;
    m_serviceName = serviceName;
    fill();
    m_ui->stack->setCurrentWidget(m_ui->detailPage);
}

void SessionDetailPane::showEvents(const QList<SessionEvent> &events)
{
    m_events->setEvents(events);
    m_ui->eventsMessage->hide();
}

void SessionDetailPane::showEventsError(const QString &message)
{
    m_events->setEvents({});
    m_ui->eventsMessage->setText(message);
    m_ui->eventsMessage->show();
}

void SessionDetailPane::clear()
{
    m_session.reset();
    m_events->setEvents({});
    m_ui->stack->setCurrentWidget(m_ui->emptyPage);
}

void SessionDetailPane::fill()
{
    if (!m_session)
        return;
    const SessionView &s = *m_session;
    m_ui->titleLabel->setText(tr("Session %1").arg(s.id));
    m_ui->statusValue->setText(SessionListModel::statusText(s));
    m_ui->statusValue->setToolTip(s.test ? SessionListModel::testSessionHint() : QString());
    m_ui->channelValue->setText(Format::channel(s.channel));
    m_ui->recipientValue->setText(s.recipientMasked);
    m_ui->countryValue->setText(Format::country(s.recipientRegion));
    m_ui->localeValue->setText(languageText(s.locale));
    m_ui->serviceValue->setText(m_serviceName.isEmpty() || m_serviceName == s.serviceId
                                    ? s.serviceId
                                    : tr("%1 (%2)").arg(m_serviceName, s.serviceId));
    m_ui->attemptsValue->setText(outOf(s.attempts, s.maxAttempts));
    m_ui->resendsValue->setText(outOf(s.resends, s.maxResends));
    m_ui->createdValue->setText(Format::dateTime(s.createdAt));
    m_ui->expiresValue->setText(Format::dateTime(s.expiresAt));
    m_ui->deliveredValue->setText(Format::dateTime(s.deliveredAt));
    m_ui->verifiedValue->setText(Format::dateTime(s.verifiedAt));
    m_ui->finishedValue->setText(Format::dateTime(s.finishedAt));
    m_ui->referenceValue->setText(s.reference.isEmpty() ? QStringLiteral("—") : s.reference);
    m_ui->clientIpValue->setText(s.clientIp.isEmpty() ? QStringLiteral("—") : s.clientIp);
}

void SessionDetailPane::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        m_events->retranslate();
        fill();
    }
    QWidget::changeEvent(event);
}

} // namespace vc::ui
