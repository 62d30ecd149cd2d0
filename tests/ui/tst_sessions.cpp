// The Sessions page, driven through the real main window offscreen: lazy paging, search through
// the blind index and by id, filters, the detail pane, and Resend / Cancel as the operator with
// their events and audit entries.

#include "common/Format.h"
#include "delivery/WebhookDispatcher.h"
#include "sessions/SessionDetailPane.h"
#include "sessions/SessionEventsModel.h"
#include "sessions/SessionExport.h"
#include "sessions/SessionListModel.h"
#include "sessions/SessionsPage.h"
#include "support/ClosedPort.h"
#include "ui/ConsoleFixture.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QClipboard>
#include <QComboBox>
#include <QDateEdit>
#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSet>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace vc;
using namespace vc::test;
using vc::ui::SessionEventsModel;
using vc::ui::SessionListModel;
using vc::ui::SessionsPage;

namespace {

// A Norwegian mobile number per index, all different.
QString phone(int i)
{
    return QStringLiteral("+479%1").arg(i, 7, 10, QLatin1Char('0'));
}

// Starts a session (one second after the previous, so newest-first order is well defined).
QString start(ConsoleFixture &f, const QString &channel, const QString &recipient,
              const QString &serviceId = {})
{
    f.engine.clock->advanceMs(1000);
    StartRequest request = startRequest(channel, recipient);
    request.serviceId = serviceId;
    auto started = f.engine->start(request);
    if (!started)
        qFatal("start failed: %s", qPrintable(started.error().toString()));
    return started->sessionId;
}

// The page, shown, with its first load done.
SessionsPage *openPage(ConsoleFixture &f)
{
    auto *page = f.show<SessionsPage>();
    if (!QTest::qWaitFor([page] { return !page->model()->isLoading(); }))
        qFatal("the first page did not load");
    return page;
}

bool waitLoaded(SessionsPage *page)
{
    QTest::qWait(1); // let a load that was just asked for start
    return QTest::qWaitFor([page] { return !page->model()->isLoading(); });
}

void search(SessionsPage *page, const QString &text)
{
    auto *edit = page->findChild<QLineEdit *>(QStringLiteral("searchEdit"));
    edit->setText(text);
    QTest::keyClick(edit, Qt::Key_Return);
}

void pick(SessionsPage *page, const char *comboName, const QVariant &data)
{
    auto *combo = page->findChild<QComboBox *>(QString::fromLatin1(comboName));
    const int index = combo->findData(data);
    QVERIFY2(index >= 0, comboName);
    combo->setCurrentIndex(index);
}

QStringList listedIds(SessionsPage *page)
{
    QStringList ids;
    SessionListModel *m = page->model();
    for (int row = 0; row < m->rowCount(); ++row)
        ids << m->index(row, 0).data(SessionListModel::SessionIdRole).toString();
    return ids;
}

void select(SessionsPage *page, const QString &id)
{
    const int row = page->model()->rowOf(id);
    QVERIFY2(row >= 0, qPrintable(id));
    page->view()->selectRow(row);
    QCOMPARE(page->currentSessionId(), id);
}

QAction *action(SessionsPage *page, const char *name)
{
    return page->findChild<QAction *>(QString::fromLatin1(name));
}

QString field(SessionsPage *page, const char *name)
{
    return page->detailPane()->findChild<QLabel *>(QString::fromLatin1(name))->text();
}

QString cell(SessionsPage *page, const QString &id, int column)
{
    return page->model()->index(page->model()->rowOf(id), column).data().toString();
}

QList<AuditEntry> auditOf(ConsoleFixture &f, const QString &action)
{
    QList<AuditEntry> out;
    for (const AuditEntry &e : *f.engine->audit(AuditQuery{}))
        if (e.action == action)
            out << e;
    return out;
}

// Runs an action of the page and waits until it has finished.
void trigger(SessionsPage *page, QAbstractButton *button)
{
    QSignalSpy finished(page, &SessionsPage::actionFinished);
    QVERIFY(button->isEnabled());
    QTest::mouseClick(button, Qt::LeftButton);
    if (!page->isBusy())
        return; // declined before anything ran
    QVERIFY(finished.wait(5000));
}

} // namespace

class TestSessionsPage : public QObject
{
    Q_OBJECT

private slots:
    void pagesLazilyAndOnlyWhenScrolled()
    {
        ConsoleFixture f;
        for (int i = 0; i < 450; ++i)
            start(f, QStringLiteral("sms"), phone(i));
        SessionsPage *page = openPage(f);
        SessionListModel *model = page->model();
        QCOMPARE(model->rowCount(), SessionListModel::PageSize);
        QVERIFY(model->canFetchMore({}));
        QTest::qWait(300); // nothing else loads while the view sits at the top
        QCOMPARE(model->rowCount(), SessionListModel::PageSize);

        // Newest first.
        const QStringList ids = listedIds(page);
        QStringList sorted = ids;
        std::sort(sorted.begin(), sorted.end(), std::greater<>());
        QCOMPARE(ids, sorted);

        page->view()->scrollToBottom();
        QTRY_COMPARE(model->rowCount(), 2 * SessionListModel::PageSize);
        QVERIFY(waitLoaded(page));
        page->view()->scrollToBottom();
        QTRY_COMPARE(model->rowCount(), 450);
        QVERIFY(waitLoaded(page));
        QVERIFY(!model->canFetchMore({}));
        const QStringList all = listedIds(page);
        QCOMPARE(QSet<QString>(all.cbegin(), all.cend()).size(), 450);
    }

    void aRefreshKeepsThePageBeingLoaded()
    {
        // The console refreshes the list when sessions change (300 ms after a burst settles).
        // A refresh that lands while the next page is loading must not lose that page: the rows
        // asked for by scrolling come, in the refreshed list.
        ConsoleFixture f;
        for (int i = 0; i < 230; ++i)
            start(f, QStringLiteral("sms"), phone(i));
        SessionsPage *page = openPage(f);
        SessionListModel *model = page->model();
        QCOMPARE(model->rowCount(), SessionListModel::PageSize);
        QVERIFY(model->canFetchMore({}));
        model->fetchMore({});
        QVERIFY(model->isLoading());
        // Before the page's result can arrive (same thread, no event loop yet); and a second
        // refresh on top of the first, as the console's timer may add, asks for as much.
        model->refresh();
        model->refresh();
        QVERIFY(waitLoaded(page));
        QCOMPARE(model->rowCount(), 230);
        QVERIFY(!model->canFetchMore({}));

        // A refresh with no page loading keeps what is listed, no more.
        model->refresh();
        QVERIFY(waitLoaded(page));
        QCOMPARE(model->rowCount(), 230);
    }

    void modelsPassTheModelTester()
    {
        ConsoleFixture f;
        QStringList started;
        for (int i = 0; i < 230; ++i)
            started << start(f, i % 3 ? QStringLiteral("sms") : QStringLiteral("voice"), phone(i));
        SessionsPage *page = openPage(f);
        SessionListModel *model = page->model();
        QAbstractItemModelTester tester(model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        SessionEventsModel *events = page->detailPane()->eventsModel();
        QAbstractItemModelTester eventsTester(
            events, QAbstractItemModelTester::FailureReportingMode::QtTest);

        model->fetchMore({});
        QVERIFY(waitLoaded(page));
        QCOMPARE(model->rowCount(), 230);

        // A refresh that inserts at the top, removes rows that no longer match and changes some.
        pick(page, "statusFilter", static_cast<int>(SessionStatus::Pending));
        QVERIFY(waitLoaded(page));
        model->fetchMore({});
        QVERIFY(waitLoaded(page));
        QCOMPARE(model->rowCount(), 230);
        for (int i : {0, 5, 100, 229})
            QVERIFY(f.engine->cancel(started.at(i), kAdmin));
        QVERIFY(!f.engine->check({started.at(10), QStringLiteral("000000"), kAdmin})->verified());
        const QString fresh = start(f, QStringLiteral("email"), QStringLiteral("new@example.no"));
        page->refresh();
        QVERIFY(waitLoaded(page));
        QCOMPARE(model->rowCount(), 227);
        QCOMPARE(listedIds(page).first(), fresh);
        for (int i : {0, 5, 100, 229})
            QCOMPARE(model->rowOf(started.at(i)), -1);

        // The events model, through the detail pane.
        select(page, fresh);
        QTRY_VERIFY(events->rowCount() > 0);
        select(page, started.at(1));
        QTRY_VERIFY(events->rowCount() > 0);
        page->refresh();
        QVERIFY(waitLoaded(page));
    }

    void standaloneModelPassesTheModelTester()
    {
        ConsoleFixture f;
        for (int i = 0; i < 3 * SessionListModel::PageSize + 7; ++i)
            start(f, QStringLiteral("sms"), phone(i));
        SessionListModel model(*f.engine.engine);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy finished(&model, &SessionListModel::loadFinished);
        model.setQuery({});
        QTRY_COMPARE(finished.size(), 1);
        while (model.canFetchMore({})) {
            const auto before = finished.size();
            model.fetchMore({});
            QTRY_COMPARE(finished.size(), before + 1);
        }
        QCOMPARE(model.rowCount(), 3 * SessionListModel::PageSize + 7);
        model.refresh();
        QTRY_COMPARE(finished.size(), 5);
        QCOMPARE(model.rowCount(), 3 * SessionListModel::PageSize + 7);
    }

    void searchesByPhoneNumberInAnotherSpelling()
    {
        ConsoleFixture f;
        const QString first = start(f, QStringLiteral("sms"), QStringLiteral("+4791234567"));
        for (int i = 0; i < 20; ++i)
            start(f, QStringLiteral("sms"), phone(i));
        const QString second = start(f, QStringLiteral("voice"), QStringLiteral("+4791234567"));
        start(f, QStringLiteral("email"), QStringLiteral("kari@example.no"));
        SessionsPage *page = openPage(f);
        QCOMPARE(page->model()->rowCount(), 23);

        search(page, QStringLiteral("+47 912 34 567"));
        QVERIFY(waitLoaded(page));
        QCOMPARE(listedIds(page), (QStringList{second, first}));
        // A search shows the newest session it found.
        QCOMPARE(page->currentSessionId(), second);
        QCOMPARE(field(page, "recipientValue"), QStringLiteral("+47****4567"));

        search(page, QStringLiteral("Kari@Example.NO"));
        QVERIFY(waitLoaded(page));
        QCOMPARE(page->model()->rowCount(), 1);
        QCOMPARE(cell(page, listedIds(page).first(), SessionListModel::ChannelColumn),
                 QStringLiteral("E-mail"));

        search(page, QString());
        QVERIFY(waitLoaded(page));
        QCOMPARE(page->model()->rowCount(), 23);
    }

    void searchesById()
    {
        ConsoleFixture f;
        QStringList ids;
        for (int i = 0; i < 5; ++i)
            ids << start(f, QStringLiteral("sms"), phone(i));
        SessionsPage *page = openPage(f);
        search(page, ids.at(2).toUpper());
        QVERIFY(waitLoaded(page));
        QCOMPARE(listedIds(page), QStringList{ids.at(2)});
        QCOMPARE(page->currentSessionId(), ids.at(2));
        auto *message = page->findChild<QLabel *>(QStringLiteral("searchMessage"));
        QVERIFY(message->isHidden());

        search(page, QStringLiteral("01890000-0000-7000-8000-000000000000"));
        QVERIFY(waitLoaded(page));
        QCOMPARE(page->model()->rowCount(), 0);
        QVERIFY(message->isVisible());
        QVERIFY2(message->text().contains(QStringLiteral("No session has the id")),
                 qPrintable(message->text()));
    }

    void explainsSearchTextThatIsNeither()
    {
        ConsoleFixture f;
        start(f, QStringLiteral("sms"), phone(1));
        SessionsPage *page = openPage(f);
        auto *message = page->findChild<QLabel *>(QStringLiteral("searchMessage"));
        for (const QString &text : {QStringLiteral("kari"), QStringLiteral("12345"),
                                    QStringLiteral("not an @ address")}) {
            search(page, text);
            QVERIFY(waitLoaded(page));
            QCOMPARE(page->model()->rowCount(), 0);
            QVERIFY(message->isVisible());
            QVERIFY2(message->text().contains(QStringLiteral("phone number in international")),
                     qPrintable(message->text()));
            QVERIFY(f.prompter.warnings.isEmpty()); // inline, not a dialog
        }
        search(page, QString());
        QVERIFY(waitLoaded(page));
        QVERIFY(message->isHidden());
        QCOMPARE(page->model()->rowCount(), 1);
    }

    void filtersNarrowTheRows()
    {
        ConsoleFixture f;
        QVERIFY(f.engine->createService(
            QStringLiteral("shop"), QJsonObject{{QStringLiteral("name"), QStringLiteral("Shop")}},
            kAdmin));
        // Three days ago: two sessions; today: the rest.
        const QString old1 = start(f, QStringLiteral("sms"), phone(1));
        const QString old2 = start(f, QStringLiteral("email"), QStringLiteral("a@example.no"));
        f.engine.clock->advanceMs(3 * 86'400'000LL);
        const QString sms = start(f, QStringLiteral("sms"), phone(2));
        const QString voice = start(f, QStringLiteral("voice"), phone(3));
        const QString email = start(f, QStringLiteral("email"), QStringLiteral("b@example.no"));
        const QString shop = start(f, QStringLiteral("sms"), phone(4), QStringLiteral("shop"));
        QVERIFY(f.engine->cancel(voice, kAdmin));

        SessionsPage *page = openPage(f);
        QCOMPARE(page->model()->rowCount(), 6);

        pick(page, "statusFilter", static_cast<int>(SessionStatus::Cancelled));
        QVERIFY(waitLoaded(page));
        QCOMPARE(listedIds(page), QStringList{voice});
        pick(page, "statusFilter", -1);
        pick(page, "channelFilter", static_cast<int>(Channel::Email));
        QVERIFY(waitLoaded(page));
        QCOMPARE(listedIds(page), (QStringList{email, old2}));
        pick(page, "channelFilter", -1);
        pick(page, "serviceFilter", QStringLiteral("shop"));
        QVERIFY(waitLoaded(page));
        QCOMPARE(listedIds(page), QStringList{shop});
        QCOMPARE(cell(page, shop, SessionListModel::Service), QStringLiteral("Shop"));
        pick(page, "serviceFilter", QString());

        pick(page, "timeFilter", 1); // today
        QVERIFY(waitLoaded(page));
        QCOMPARE(listedIds(page), (QStringList{shop, email, voice, sms}));
        // A custom range: the day three days ago only.
        const QDate then = QDateTime::fromMSecsSinceEpoch(kT0).toLocalTime().date();
        page->findChild<QDateEdit *>(QStringLiteral("fromDate"))->setDate(then);
        page->findChild<QDateEdit *>(QStringLiteral("toDate"))->setDate(then);
        pick(page, "timeFilter", 4);
        QVERIFY(waitLoaded(page));
        QCOMPARE(listedIds(page), (QStringList{old2, old1}));
        // Filters combine with a recipient search.
        search(page, QStringLiteral("A@example.no"));
        QVERIFY(waitLoaded(page));
        QCOMPARE(listedIds(page), QStringList{old2});
        pick(page, "channelFilter", static_cast<int>(Channel::Sms));
        QVERIFY(waitLoaded(page));
        QCOMPARE(page->model()->rowCount(), 0);

        // Refresh keeps the filters; "Clear filters" drops them all.
        page->refresh();
        QVERIFY(waitLoaded(page));
        QCOMPARE(page->model()->rowCount(), 0);
        QTest::mouseClick(page->findChild<QPushButton *>(QStringLiteral("clearFiltersButton")),
                          Qt::LeftButton);
        QVERIFY(waitLoaded(page));
        QCOMPARE(page->model()->rowCount(), 6);
    }

    void detailShowsFieldsAndTimeline()
    {
        ConsoleFixture f;
        const QString id = start(f, QStringLiteral("sms"), QStringLiteral("+4791234567"));
        QCOMPARE(*f.engine->deliverDue(), 1);
        const QString code = receivedCode(*f.engine.engine, id);
        QVERIFY(!code.isEmpty());
        const QString wrong =
            code == QStringLiteral("000000") ? QStringLiteral("111111") : QStringLiteral("000000");
        QVERIFY(f.engine->check({id, wrong, kAdmin}));
        SessionsPage *page = openPage(f);
        QSignalSpy eventsLoaded(page, &SessionsPage::eventsLoaded);
        select(page, id);
        QVERIFY(eventsLoaded.wait(5000));

        const SessionView session = *f.engine->status(id);
        QCOMPARE(field(page, "statusValue"), QStringLiteral("Delivered")); // the local outbox
        QCOMPARE(field(page, "channelValue"), QStringLiteral("SMS"));
        QCOMPARE(field(page, "recipientValue"), session.recipientMasked);
        // The country in the console's language where Qt has it, else in English (never the
        // language of the territory's first locale: Cornish for GB, Cherokee for US).
        QCOMPARE(field(page, "countryValue"), QStringLiteral("Norway (NO)"));
        QCOMPARE(ui::Format::country(QStringLiteral("GB")), QStringLiteral("United Kingdom (GB)"));
        QCOMPARE(ui::Format::country(QStringLiteral("US")), QStringLiteral("United States (US)"));
        {
            const QLocale before;
            QLocale::setDefault(QLocale(QLocale::NorwegianBokmal, QLocale::Norway));
            const QString norway = ui::Format::country(QStringLiteral("NO"));
            const QString britain = ui::Format::country(QStringLiteral("GB"));
            QLocale::setDefault(before);
            QCOMPARE(norway, QStringLiteral("Norge (NO)"));
            QCOMPARE(britain, QStringLiteral("United Kingdom (GB)"));
        }
        // The language in its own name.
        QCOMPARE(field(page, "localeValue"), QStringLiteral("Norsk bokmål (nb)"));
        QCOMPARE(field(page, "attemptsValue"), QStringLiteral("1 of 5"));
        QCOMPARE(field(page, "resendsValue"), QStringLiteral("0 of 3"));
        QCOMPARE(field(page, "createdValue"), ui::Format::dateTime(session.createdAt));
        QCOMPARE(field(page, "expiresValue"), ui::Format::dateTime(session.expiresAt));
        QVERIFY(session.deliveredAt);
        QCOMPARE(field(page, "deliveredValue"), ui::Format::dateTime(*session.deliveredAt));
        QCOMPARE(field(page, "verifiedValue"), QStringLiteral("—"));

        // The timeline: every event, in order, and never the code.
        const QList<SessionEvent> events = *f.engine->events(id);
        SessionEventsModel *model = page->detailPane()->eventsModel();
        QCOMPARE(model->rowCount(), events.size());
        for (int row = 0; row < model->rowCount(); ++row) {
            QCOMPARE(model->index(row, 0).data(SessionEventsModel::TypeRole).toString(),
                     events.at(row).type);
            for (int column = 0; column < model->columnCount(); ++column)
                QVERIFY(!model->index(row, column).data().toString().contains(code));
        }
        QCOMPARE(model->index(events.size() - 1, SessionEventsModel::Event).data().toString(),
                 QStringLiteral("Wrong code"));
    }

    // A test recipient's session is marked as one in the list and the detail, and its timeline
    // says nothing was sent.
    void testSessionsAreMarked()
    {
        ConsoleFixture f;
        auto updated = f.engine->updateService(
            QStringLiteral("default"),
            {{QStringLiteral("test_recipients"),
              QJsonArray{QJsonObject{{QStringLiteral("recipient"), QStringLiteral("+4790000017")},
                                     {QStringLiteral("code"), QStringLiteral("246810")}}}}},
            kAdmin);
        QVERIFY2(updated, errorText(updated).constData());
        const QString real = start(f, QStringLiteral("sms"), QStringLiteral("+4791234567"));
        const QString test = start(f, QStringLiteral("sms"), QStringLiteral("+4790000017"));
        SessionsPage *page = openPage(f);
        QCOMPARE(cell(page, real, SessionListModel::Status), QStringLiteral("Pending"));
        QCOMPARE(cell(page, test, SessionListModel::Status), QStringLiteral("Pending (test)"));
        const QModelIndex status =
            page->model()->index(page->model()->rowOf(test), SessionListModel::Status);
        QVERIFY(
            status.data(Qt::ToolTipRole).toString().contains(QStringLiteral("nothing is sent")));

        QSignalSpy eventsLoaded(page, &SessionsPage::eventsLoaded);
        select(page, test);
        QVERIFY(eventsLoaded.wait(5000));
        QCOMPARE(field(page, "statusValue"), QStringLiteral("Pending (test)"));
        SessionEventsModel *events = page->detailPane()->eventsModel();
        QStringList names;
        for (int row = 0; row < events->rowCount(); ++row)
            names << events->index(row, SessionEventsModel::Event).data().toString();
        QVERIFY2(names.contains(QStringLiteral("Not sent (test recipient)")),
                 qPrintable(names.join(u',')));
    }

    void resendByAnotherChannelFromThePage()
    {
        ConsoleFixture f;
        const QString id = start(f, QStringLiteral("sms"), QStringLiteral("+4791234567"));
        start(f, QStringLiteral("email"), QStringLiteral("kari@example.no"));
        f.engine.clock->advanceSeconds(40); // past the resend cooldown
        SessionsPage *page = openPage(f);
        select(page, id);

        f.prompter.choices = {QStringLiteral("Voice")};
        trigger(page, page->detailPane()->resendButton());
        QVERIFY2(f.prompter.warnings.isEmpty(), qPrintable(f.prompter.warnings.join(u'\n')));
        QCOMPARE(f.prompter.asked,
                 (QStringList{QStringLiteral("Resend code"), QStringLiteral("Resend code")}));

        const SessionView after = *f.engine->status(id);
        QCOMPARE(after.resends, 1);
        QCOMPARE(after.channel, Channel::Voice);
        const SessionEvent last = f.engine->events(id)->constLast();
        QCOMPARE(last.type, QStringLiteral("resent"));
        QCOMPARE(last.actor, QStringLiteral("operator:ola"));
        const auto audit = auditOf(f, QStringLiteral("session.resend"));
        QCOMPARE(audit.size(), 1);
        QCOMPARE(audit.first().actor, QStringLiteral("operator:ola"));
        QCOMPARE(audit.first().targetId, id);

        // The row and the detail show it at once, and the timeline follows.
        QCOMPARE(cell(page, id, SessionListModel::ChannelColumn), QStringLiteral("Voice"));
        QCOMPARE(cell(page, id, SessionListModel::Resends), QStringLiteral("1 / 3"));
        QCOMPARE(field(page, "channelValue"), QStringLiteral("Voice"));
        QCOMPARE(field(page, "resendsValue"), QStringLiteral("1 of 3"));
        SessionEventsModel *events = page->detailPane()->eventsModel();
        QTRY_COMPARE(
            events->index(events->rowCount() - 1, 0).data(SessionEventsModel::TypeRole).toString(),
            QStringLiteral("resent"));
        QCOMPARE(
            events->index(events->rowCount() - 1, 0).data(SessionEventsModel::ActorRole).toString(),
            QStringLiteral("operator:ola"));

        // An e-mail session only has e-mail: no channel to choose, only the confirmation.
        f.prompter.asked.clear();
        const QString mail =
            listedIds(page).first() == id ? listedIds(page).last() : listedIds(page).first();
        select(page, mail);
        trigger(page, page->detailPane()->resendButton());
        QCOMPARE(f.prompter.asked, QStringList{QStringLiteral("Resend code")});
        QCOMPARE(f.engine->status(mail)->resends, 1);
        QCOMPARE(f.engine->status(mail)->channel, Channel::Email);
    }

    void resendInTheCooldownWarnsWithTheWait()
    {
        ConsoleFixture f;
        const QString id = start(f, QStringLiteral("sms"), QStringLiteral("+4791234567"));
        f.engine.clock->advanceSeconds(10);
        SessionsPage *page = openPage(f);
        select(page, id);
        trigger(page, page->detailPane()->resendButton());
        QCOMPARE(f.prompter.warnings.size(), 1);
        QVERIFY2(f.prompter.warnings.first().contains(QStringLiteral("Wait 20 s")),
                 qPrintable(f.prompter.warnings.first()));
        QVERIFY(f.prompter.asked.contains(QStringLiteral("Resend failed")));
        QCOMPARE(f.engine->status(id)->resends, 0);
        QVERIFY(auditOf(f, QStringLiteral("session.resend")).isEmpty());
    }

    void cancelFromThePage()
    {
        ConsoleFixture f;
        const QString id = start(f, QStringLiteral("sms"), QStringLiteral("+4791234567"));
        SessionsPage *page = openPage(f);
        select(page, id);
        QAction *cancel = action(page, "cancelAction");
        QVERIFY(cancel->isEnabled());

        trigger(page, page->detailPane()->cancelButton());
        QCOMPARE(f.prompter.asked, QStringList{QStringLiteral("Cancel session")});
        QCOMPARE(f.engine->status(id)->status, SessionStatus::Cancelled);
        const SessionEvent last = f.engine->events(id)->constLast();
        QCOMPARE(last.type, QStringLiteral("cancelled"));
        QCOMPARE(last.actor, QStringLiteral("operator:ola"));
        const auto audit = auditOf(f, QStringLiteral("session.cancel"));
        QCOMPARE(audit.size(), 1);
        QCOMPARE(audit.first().actor, QStringLiteral("operator:ola"));
        QCOMPARE(audit.first().targetId, id);

        QCOMPARE(cell(page, id, SessionListModel::Status), QStringLiteral("Cancelled"));
        QCOMPARE(field(page, "statusValue"), QStringLiteral("Cancelled"));
        QVERIFY(field(page, "finishedValue") != QStringLiteral("—"));
        QVERIFY(!cancel->isEnabled()); // final: nothing more to do
        QVERIFY(!action(page, "resendAction")->isEnabled());
        SessionEventsModel *events = page->detailPane()->eventsModel();
        QTRY_COMPARE(
            events->index(events->rowCount() - 1, 0).data(SessionEventsModel::TypeRole).toString(),
            QStringLiteral("cancelled"));
    }

    // A session whose status webhook failed for good (its receiver was down through every retry)
    // offers "Send webhooks again", which queues it again as the operator, with an event and an
    // audit entry; other sessions do not show it.
    void sendsFailedWebhooksAgainFromThePage()
    {
        ConsoleFixture f;
        const quint16 closedPort = closedLoopbackPort();
        QVERIFY(
            f.engine->updateService(QStringLiteral("default"),
                                    {{QStringLiteral("webhook_url"),
                                      QStringLiteral("http://127.0.0.1:%1/hook").arg(closedPort)}},
                                    kAdmin));
        const QString plain = start(f, QStringLiteral("sms"), phone(1));
        const QString id = start(f, QStringLiteral("sms"), phone(2));
        QVERIFY(f.engine->cancel(id, kAdmin));
        for (int i = 0; i < WebhookDispatcher::MaxAttempts; ++i) {
            QCOMPARE(*f.engine->deliverWebhooks(), 1);
            f.engine.clock->setMs(
                qMax(f.engine.clock->nowMs(),
                     RawDb(f.engine.dbPath())
                         .scalar(QStringLiteral("SELECT next_attempt_at FROM webhooks"))
                         .toLongLong()));
        }
        QCOMPARE(f.engine->webhooks(id)->first().state, QStringLiteral("failed"));

        SessionsPage *page = openPage(f);
        QAction *retry = action(page, "retryWebhooksAction");
        QToolButton *button = page->detailPane()->retryWebhooksButton();
        QSignalSpy loaded(page, &SessionsPage::eventsLoaded);
        select(page, plain);
        QVERIFY(loaded.wait(5000));
        QVERIFY(!retry->isVisible());
        QVERIFY(button->isHidden());

        select(page, id);
        QVERIFY(loaded.wait(5000));
        QVERIFY(retry->isVisible());
        QVERIFY(!button->isHidden());
        trigger(page, button);
        QCOMPARE(f.prompter.asked, QStringList{QStringLiteral("Send webhooks again")});
        QCOMPARE(f.engine->webhooks(id)->first().state, QStringLiteral("queued"));
        const SessionEvent last = f.engine->events(id)->constLast();
        QCOMPARE(last.type, QStringLiteral("webhook_requeued"));
        QCOMPARE(last.actor, QStringLiteral("operator:ola"));
        const auto audit = auditOf(f, QStringLiteral("session.webhooks.retry"));
        QCOMPARE(audit.size(), 1);
        QCOMPARE(audit.first().actor, QStringLiteral("operator:ola"));
        QCOMPARE(audit.first().targetId, id);
        // Queued again: the action goes away, and the timeline says what happened.
        QTRY_VERIFY(button->isHidden());
        QVERIFY(!retry->isVisible());
        SessionEventsModel *events = page->detailPane()->eventsModel();
        const QModelIndex lastRow = events->index(events->rowCount() - 1, 0);
        QCOMPARE(lastRow.data(SessionEventsModel::TypeRole).toString(),
                 QStringLiteral("webhook_requeued"));
    }

    void answeringNoChangesNothing()
    {
        ConsoleFixture f;
        const QString id = start(f, QStringLiteral("sms"), QStringLiteral("+4791234567"));
        f.engine.clock->advanceSeconds(40);
        const auto eventsBefore = f.engine->events(id)->size();
        SessionsPage *page = openPage(f);
        select(page, id);

        f.prompter.confirmations = {false};
        trigger(page, page->detailPane()->cancelButton());
        f.prompter.confirmations = {false};
        trigger(page, page->detailPane()->resendButton());
        f.prompter.choices = {QString()}; // backs out of the channel choice
        trigger(page, page->detailPane()->resendButton());
        QCOMPARE(f.prompter.asked.size(), 4);
        QTest::qWait(100);

        const SessionView after = *f.engine->status(id);
        QCOMPARE(after.status, SessionStatus::Pending);
        QCOMPARE(after.resends, 0);
        QCOMPARE(after.channel, Channel::Sms);
        QCOMPARE(f.engine->events(id)->size(), eventsBefore);
        QVERIFY(f.engine->audit(AuditQuery{})->isEmpty());
        QCOMPARE(cell(page, id, SessionListModel::Status), QStringLiteral("Pending"));
    }

    void copiesTheSessionId()
    {
        ConsoleFixture f;
        const QString id = start(f, QStringLiteral("sms"), phone(1));
        start(f, QStringLiteral("sms"), phone(2));
        SessionsPage *page = openPage(f);
        QAction *copy = action(page, "copySessionIdAction");
        QVERIFY(page->view()->actions().contains(copy)); // the row's context menu
        QVERIFY(!copy->isEnabled());
        select(page, id);
        QVERIFY(copy->isEnabled());
        copy->trigger();
        QCOMPARE(QGuiApplication::clipboard()->text(), id);
    }

    void refreshKeepsTheSelectionAndShowsChanges()
    {
        ConsoleFixture f;
        const QString id = start(f, QStringLiteral("sms"), phone(1));
        start(f, QStringLiteral("sms"), phone(2));
        SessionsPage *page = openPage(f);
        select(page, id);

        // A change made elsewhere (the API, verifyctl) reaches the page through the main
        // window's refresh: the new session appears, the selected one stays selected and shows
        // its new state.
        const QString fresh = start(f, QStringLiteral("email"), QStringLiteral("x@example.no"));
        QVERIFY(f.engine->cancel(id, kAdmin));
        QTRY_COMPARE(page->model()->rowCount(), 3);
        QCOMPARE(listedIds(page).first(), fresh);
        QCOMPARE(page->currentSessionId(), id);
        QTRY_COMPARE(field(page, "statusValue"), QStringLiteral("Cancelled"));
        QCOMPARE(cell(page, id, SessionListModel::Status), QStringLiteral("Cancelled"));
    }
    void exportWritesWhatTheFiltersMatch()
    {
        ConsoleFixture f;
        // More sessions than one page of the export's paging (500).
        for (int i = 0; i < 510; ++i)
            start(f, QStringLiteral("sms"), phone(i));
        QStringList voice;
        for (int i = 0; i < 3; ++i)
            voice.prepend(start(f, QStringLiteral("voice"), phone(1000 + i))); // newest first
        SessionsPage *page = openPage(f);
        auto *button = page->findChild<QPushButton *>(QStringLiteral("exportButton"));
        QVERIFY(button->isEnabled());
        QTemporaryDir dir;
        QSignalSpy finished(page, &SessionsPage::exportFinished);
        const auto exportTo = [&](const QString &name) {
            const QString path = dir.filePath(name);
            f.prompter.savePaths.push_back(path);
            QTest::mouseClick(button, Qt::LeftButton);
            if (!finished.wait(60000))
                qFatal("the export did not finish");
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly))
                qFatal("no export at %s", qPrintable(path));
            return QString::fromUtf8(file.readAll());
        };

        // Everything, matching the database row for row, recipients masked.
        const QString all = exportTo(QStringLiteral("all.csv"));
        QStringList lines = all.split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
        QCOMPARE(lines.takeFirst(),
                 QStringLiteral("session_id,created_at,status,channel,recipient,country,locale,"
                                "service_id,attempts,max_attempts,resends,max_resends,reference,"
                                "client_ip,expires_at,delivered_at,verified_at,finished_at"));
        RawDb raw(f.engine.dbPath());
        QStringList stored;
        for (const QVariantList &r : raw.rows(QStringLiteral("SELECT id FROM sessions")))
            stored << r.first().toString();
        QStringList exported;
        for (const QString &line : std::as_const(lines))
            exported << line.section(u',', 0, 0);
        QCOMPARE(exported.size(), 513);
        QCOMPARE(QSet<QString>(exported.cbegin(), exported.cend()),
                 QSet<QString>(stored.cbegin(), stored.cend()));
        QVERIFY(!all.contains(phone(7).mid(1))); // no full number anywhere
        const QString first = lines.first();
        QVERIFY2(first.contains(QStringLiteral(",voice,+47****1002,NO,nb,default,0,")),
                 qPrintable(first));
        QVERIFY(f.prompter.informed.last().contains(QStringLiteral("513")));

        // The filters apply: only the voice calls, newest first.
        pick(page, "channelFilter", static_cast<int>(Channel::Voice));
        QVERIFY(waitLoaded(page));
        lines =
            exportTo(QStringLiteral("voice.csv")).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
        lines.removeFirst();
        exported.clear();
        for (const QString &line : std::as_const(lines))
            exported << line.section(u',', 0, 0);
        QCOMPARE(exported, voice);

        // Backing out of the file dialog writes nothing; a search by id has nothing to export.
        const int before = finished.size();
        QTest::mouseClick(button, Qt::LeftButton);
        QCOMPARE(finished.size(), before);
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 2);
        search(page, voice.first());
        QVERIFY(waitLoaded(page));
        QVERIFY(!button->isEnabled());
    }

    void cancelledExportLeavesNoFile()
    {
        ConsoleFixture f;
        start(f, QStringLiteral("sms"), phone(1));
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("x.csv"));
        ui::ExportControl control;
        control.cancelled = true;
        auto outcome = ui::exportSessionsCsv(*f.engine.engine, SessionQuery{}, path, control);
        QVERIFY(outcome);
        QVERIFY(outcome->cancelled);
        QVERIFY(!QFile::exists(path));

        // An unwritable place is a clear error, not a crash.
        ui::ExportControl fresh;
        auto failed = ui::exportSessionsCsv(*f.engine.engine, SessionQuery{},
                                            dir.filePath(QStringLiteral("missing/x.csv")), fresh);
        QVERIFY(!failed);
        QVERIFY2(failed.error().message.contains(QStringLiteral("cannot write")),
                 qPrintable(failed.error().message));
    }
};

QTEST_MAIN(TestSessionsPage)
#include "tst_sessions.moc"
