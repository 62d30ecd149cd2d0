#include "delivery/ProvidersPanel.h"

#include "ConsoleContext.h"
#include "common/Format.h"
#include "common/Prompter.h"
#include "core/Engine.h"
#include "sessions/SerialWork.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace vc::ui {

namespace {

QString kindName(const QString &kind)
{
    if (kind == QLatin1String("smtp"))
        return ProvidersPanel::tr("SMTP server (e-mail)");
    if (kind == QLatin1String("kannel"))
        return ProvidersPanel::tr("Kannel gateway (SMS)");
    if (kind == QLatin1String("http"))
        return ProvidersPanel::tr("HTTP gateway (SMS, voice)");
    return kind;
}

// Header fields as the form shows them: one "Name: value" a line.
QString headerLines(const QJsonObject &headers)
{
    QStringList lines;
    for (auto it = headers.begin(); it != headers.end(); ++it)
        lines << it.key() + QStringLiteral(": ") + it.value().toString();
    return lines.join(u'\n');
}

QJsonObject headerObject(const QString &lines)
{
    QJsonObject headers;
    for (const QString &line : lines.split(u'\n', Qt::SkipEmptyParts)) {
        const qsizetype colon = line.indexOf(u':');
        if (colon > 0)
            headers.insert(line.left(colon).trimmed(), line.mid(colon + 1).trimmed());
        else if (!line.trimmed().isEmpty())
            headers.insert(line.trimmed(), QString()); // the provider names what is wrong
    }
    return headers;
}

} // namespace

ProvidersPanel::ProvidersPanel(ConsoleContext &context, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
    , m_work(std::make_unique<SerialWork>())
{
    auto *outer = new QHBoxLayout(this);

    // The list of providers.
    auto *listColumn = new QVBoxLayout;
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("providerList"));
    m_list->setMaximumWidth(260);
    listColumn->addWidget(m_list, 1);
    auto *listButtons = new QHBoxLayout;
    m_newButton = new QPushButton(this);
    m_newButton->setObjectName(QStringLiteral("newProviderButton"));
    m_removeButton = new QPushButton(this);
    m_removeButton->setObjectName(QStringLiteral("removeProviderButton"));
    listButtons->addWidget(m_newButton);
    listButtons->addWidget(m_removeButton);
    listButtons->addStretch();
    listColumn->addLayout(listButtons);
    outer->addLayout(listColumn);

    // The form of the selected (or new) provider.
    auto *formColumn = new QVBoxLayout;
    m_formTitle = new QLabel(this);
    m_formTitle->setObjectName(QStringLiteral("providerFormTitle"));
    QFont bold = m_formTitle->font();
    bold.setBold(true);
    m_formTitle->setFont(bold);
    formColumn->addWidget(m_formTitle);
    m_form = new QFormLayout;
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("providerName"));
    m_kind = new QComboBox(this);
    m_kind->setObjectName(QStringLiteral("providerKind"));
    for (const QString &kind : providerKinds())
        m_kind->addItem(QString(), kind);
    m_nameLabel = new QLabel(this);
    m_kindLabel = new QLabel(this);
    m_form->addRow(m_nameLabel, m_name);
    m_form->addRow(m_kindLabel, m_kind);
    formColumn->addLayout(m_form);

    auto *formButtons = new QHBoxLayout;
    formButtons->addStretch();
    m_saveButton = new QPushButton(this);
    m_saveButton->setObjectName(QStringLiteral("saveProviderButton"));
    formButtons->addWidget(m_saveButton);
    formColumn->addLayout(formButtons);

    auto *testRow = new QHBoxLayout;
    m_testRecipient = new QLineEdit(this);
    m_testRecipient->setObjectName(QStringLiteral("testRecipient"));
    m_testChannel = new QComboBox(this);
    m_testChannel->setObjectName(QStringLiteral("testChannel"));
    m_testButton = new QPushButton(this);
    m_testButton->setObjectName(QStringLiteral("sendTestButton"));
    testRow->addWidget(m_testRecipient, 1);
    testRow->addWidget(m_testChannel);
    testRow->addWidget(m_testButton);
    formColumn->addLayout(testRow);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("providerMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    formColumn->addWidget(m_message);

    // Routes: which provider sends each channel.
    m_routesTitle = new QLabel(this);
    m_routesTitle->setFont(bold);
    formColumn->addSpacing(8);
    formColumn->addWidget(m_routesTitle);
    auto *routes = new QFormLayout;
    m_routesService = new QComboBox(this);
    m_routesService->setObjectName(QStringLiteral("routeService"));
    m_routesServiceLabel = new QLabel(this);
    routes->addRow(m_routesServiceLabel, m_routesService);
    for (Channel c : allChannels()) {
        auto *combo = new QComboBox(this);
        combo->setObjectName(QStringLiteral("route_") + channelName(c));
        auto *label = new QLabel(this);
        m_routeCombos.insert(c, combo);
        m_routeLabels.insert(c, label);
        routes->addRow(label, combo);
        connect(combo, &QComboBox::currentIndexChanged, this, [this, c, combo] {
            if (!m_filling)
                routeChanged(c, combo->currentData().toString());
        });
    }
    formColumn->addLayout(routes);
    formColumn->addStretch();
    outer->addLayout(formColumn, 1);

    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) {
        if (!m_filling && row >= 0 && row < m_providers.size())
            editProvider(m_providers.at(row).name);
    });
    connect(m_kind, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_filling)
            showFields();
    });
    connect(m_newButton, &QPushButton::clicked, this,
            [this] { newProvider(m_kind->itemData(0).toString()); });
    connect(m_removeButton, &QPushButton::clicked, this, &ProvidersPanel::removeCurrent);
    connect(m_saveButton, &QPushButton::clicked, this, &ProvidersPanel::save);
    connect(m_testButton, &QPushButton::clicked, this, &ProvidersPanel::sendTest);
    connect(m_routesService, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_filling)
            fillRoutes();
    });

    retranslate();
    newProvider(m_kind->itemData(0).toString());
}

ProvidersPanel::~ProvidersPanel() = default;

Actor ProvidersPanel::actor() const
{
    return m_context.operatorActor;
}

QString ProvidersPanel::labelOf(const QString &key) const
{
    static const QHash<QString, const char *> labels{
        {QStringLiteral("host"), QT_TR_NOOP("Server:")},
        {QStringLiteral("port"), QT_TR_NOOP("Port:")},
        {QStringLiteral("security"), QT_TR_NOOP("Encryption:")},
        {QStringLiteral("username"), QT_TR_NOOP("User name:")},
        {QStringLiteral("password"), QT_TR_NOOP("Password:")},
        {QStringLiteral("from_address"), QT_TR_NOOP("From address:")},
        {QStringLiteral("from_name"), QT_TR_NOOP("From name:")},
        {QStringLiteral("from"), QT_TR_NOOP("Sender:")},
        {QStringLiteral("timeout_ms"), QT_TR_NOOP("Timeout (ms):")},
        {QStringLiteral("verify_peer"), QT_TR_NOOP("Verify the certificate:")},
        {QStringLiteral("ca_file"), QT_TR_NOOP("Trusted certificates (PEM file):")},
        {QStringLiteral("sendsms_url"), QT_TR_NOOP("sendsms URL:")},
        {QStringLiteral("receipt_base_url"), QT_TR_NOOP("Receipts to (this API's URL):")},
        {QStringLiteral("receipt_token"), QT_TR_NOOP("Receipt token:")},
        {QStringLiteral("url"), QT_TR_NOOP("URL:")},
        {QStringLiteral("method"), QT_TR_NOOP("Method:")},
        {QStringLiteral("auth"), QT_TR_NOOP("Authentication:")},
        {QStringLiteral("token"), QT_TR_NOOP("Token or password:")},
        {QStringLiteral("headers"), QT_TR_NOOP("Headers (one \"Name: value\" a line):")},
        {QStringLiteral("body_format"), QT_TR_NOOP("Body:")},
        {QStringLiteral("body_template"), QT_TR_NOOP("Body template:")},
        {QStringLiteral("success_json_field"), QT_TR_NOOP("Success field (JSON path):")},
        {QStringLiteral("success_json_value"), QT_TR_NOOP("Success value:")},
        {QStringLiteral("message_id_json_field"), QT_TR_NOOP("Message id field (JSON path):")},
        {QStringLiteral("audio"), QT_TR_NOOP("Voice audio:")},
    };
    const auto it = labels.constFind(key);
    return it == labels.constEnd() ? key + u':' : tr(*it);
}

void ProvidersPanel::retranslate()
{
    m_newButton->setText(tr("New provider"));
    m_removeButton->setText(tr("Remove…"));
    m_nameLabel->setText(tr("Name:"));
    m_kindLabel->setText(tr("Kind:"));
    for (int i = 0; i < m_kind->count(); ++i)
        m_kind->setItemText(i, kindName(m_kind->itemData(i).toString()));
    m_name->setPlaceholderText(tr("e.g. office-smtp"));
    m_saveButton->setText(tr("Save provider"));
    m_testRecipient->setPlaceholderText(tr("Test recipient: phone number or e-mail address"));
    m_testButton->setText(tr("Send test"));
    m_routesTitle->setText(tr("Which provider sends each channel"));
    m_routesServiceLabel->setText(tr("For:"));
    for (auto it = m_routeLabels.begin(); it != m_routeLabels.end(); ++it)
        it.value()->setText(Format::channel(it.key()) + u':');
    for (auto it = m_fieldLabels.begin(); it != m_fieldLabels.end(); ++it)
        it.value()->setText(labelOf(it.key()));
    m_formTitle->setText(m_current.isEmpty() ? tr("New provider")
                                             : tr("Provider %1").arg(m_current));
    refresh();
}

void ProvidersPanel::refresh()
{
    auto providers = m_context.engine.providerConfigs();
    auto routes = m_context.engine.providerRoutes();
    if (!providers || !routes) {
        showMessage(tr("The providers could not be read: %1")
                        .arg((!providers ? providers.error() : routes.error()).message),
                    true);
        return;
    }
    m_providers = *providers;
    m_routes = *routes;
    m_filling = true;
    m_list->clear();
    int selected = -1;
    for (const ProviderRecord &r : std::as_const(m_providers)) {
        m_list->addItem(QStringLiteral("%1 — %2").arg(r.name, kindName(r.kind)));
        if (r.name == m_current)
            selected = m_list->count() - 1;
    }
    m_list->setCurrentRow(selected);
    const QString service = m_routesService->currentData().toString();
    m_routesService->clear();
    m_routesService->addItem(tr("All services"), QString());
    if (auto services = m_context.engine.services())
        for (const Service &s : *services)
            m_routesService->addItem(s.name, s.id);
    m_routesService->setCurrentIndex(qMax(0, m_routesService->findData(service)));
    m_testChannel->clear();
    m_filling = false;
    if (!m_current.isEmpty() && selected < 0)
        newProvider(m_kind->currentData().toString()); // removed elsewhere
    m_removeButton->setEnabled(!m_current.isEmpty());
    m_testButton->setEnabled(!m_current.isEmpty());
    const QString kind = m_kind->currentData().toString();
    for (Channel c : channelsOfKind(kind))
        m_testChannel->addItem(Format::channel(c), static_cast<int>(c));
    fillRoutes();
}

void ProvidersPanel::fillRoutes()
{
    const QString service = m_routesService->currentData().toString();
    m_filling = true;
    for (Channel c : allChannels()) {
        QComboBox *combo = m_routeCombos.value(c);
        combo->clear();
        combo->addItem(service.isEmpty() ? tr("Local outbox (built in)")
                                         : tr("As for all services"),
                       QString());
        for (const ProviderRecord &r : std::as_const(m_providers))
            if (channelsOfKind(r.kind).contains(c))
                combo->addItem(r.name, r.name);
        QString routed;
        for (const ProviderRoute &route : std::as_const(m_routes))
            if (route.serviceId == service && route.channel == c)
                routed = route.provider;
        combo->setCurrentIndex(qMax(0, combo->findData(routed)));
        combo->setEnabled(combo->count() > 1);
    }
    m_filling = false;
}

void ProvidersPanel::routeChanged(Channel channel, const QString &provider)
{
    const QString service = m_routesService->currentData().toString();
    Status s = m_context.engine.setProviderRoute(service, channel, provider, actor());
    if (!s)
        showMessage(tr("The route could not be changed: %1").arg(s.error().message), true);
    else
        showMessage(
            provider.isEmpty()
                ? tr("%1 messages now use the default.").arg(Format::channel(channel))
                : tr("%1 messages now go through %2.").arg(Format::channel(channel), provider),
            false);
    auto routes = m_context.engine.providerRoutes();
    if (routes)
        m_routes = *routes;
    fillRoutes();
    emit actionFinished();
}

void ProvidersPanel::newProvider(const QString &kind)
{
    m_current.clear();
    m_filling = true;
    m_list->setCurrentRow(-1);
    m_name->clear();
    m_name->setReadOnly(false);
    m_kind->setEnabled(true);
    m_kind->setCurrentIndex(qMax(0, m_kind->findData(kind)));
    m_filling = false;
    showFields();
    fillForm(nullptr);
    m_formTitle->setText(tr("New provider"));
    m_removeButton->setEnabled(false);
    m_testButton->setEnabled(false);
    m_message->clear();
}

void ProvidersPanel::editProvider(const QString &name)
{
    const auto it = std::find_if(m_providers.cbegin(), m_providers.cend(),
                                 [&](const ProviderRecord &r) { return r.name == name; });
    if (it == m_providers.cend())
        return;
    m_current = name;
    m_filling = true;
    m_name->setText(name);
    m_name->setReadOnly(true);
    m_kind->setCurrentIndex(qMax(0, m_kind->findData(it->kind)));
    m_kind->setEnabled(false);
    m_filling = false;
    showFields();
    fillForm(&*it);
    m_formTitle->setText(tr("Provider %1").arg(name));
    m_removeButton->setEnabled(true);
    m_testButton->setEnabled(true);
    m_testChannel->clear();
    for (Channel c : channelsOfKind(it->kind))
        m_testChannel->addItem(Format::channel(c), static_cast<int>(c));
    m_message->clear();
}

void ProvidersPanel::showFields()
{
    // Rows after name and kind belong to the previous kind.
    while (m_form->rowCount() > 2)
        m_form->removeRow(2);
    m_fields.clear();
    m_fieldLabels.clear();
    for (const ProviderField &f : providerFields(m_kind->currentData().toString())) {
        QWidget *editor = nullptr;
        switch (f.type) {
        case ProviderField::Type::Number: {
            auto *spin = new QSpinBox(this);
            spin->setRange(0, 9'999'999);
            spin->setValue(f.defaultValue.toInt());
            editor = spin;
            break;
        }
        case ProviderField::Type::Bool: {
            auto *check = new QCheckBox(this);
            check->setChecked(f.defaultValue.toBool());
            editor = check;
            break;
        }
        case ProviderField::Type::Choice: {
            auto *combo = new QComboBox(this);
            for (const QString &choice : f.choices)
                combo->addItem(choice, choice);
            combo->setCurrentIndex(qMax(0, combo->findData(f.defaultValue.toString())));
            editor = combo;
            break;
        }
        case ProviderField::Type::MultiLine: {
            auto *edit = new QPlainTextEdit(this);
            edit->setTabChangesFocus(true);
            edit->setMaximumHeight(90);
            edit->setPlainText(f.defaultValue.toString());
            editor = edit;
            break;
        }
        case ProviderField::Type::Secret: {
            auto *edit = new QLineEdit(this);
            edit->setEchoMode(QLineEdit::Password);
            editor = edit;
            break;
        }
        case ProviderField::Type::Text: {
            auto *edit = new QLineEdit(this);
            edit->setText(f.defaultValue.toString());
            editor = edit;
            break;
        }
        }
        editor->setObjectName(QStringLiteral("provider_") + f.key);
        auto *label = new QLabel(labelOf(f.key), this);
        m_form->addRow(label, editor);
        m_fields.insert(f.key, editor);
        m_fieldLabels.insert(f.key, label);
    }
}

void ProvidersPanel::fillForm(const ProviderRecord *record)
{
    const QString kind = m_kind->currentData().toString();
    for (const ProviderField &f : providerFields(kind)) {
        QWidget *editor = m_fields.value(f.key);
        const QJsonValue value = record && record->settings.contains(f.key)
                                     ? record->settings.value(f.key)
                                     : f.defaultValue;
        if (auto *spin = qobject_cast<QSpinBox *>(editor))
            spin->setValue(value.toInt());
        else if (auto *check = qobject_cast<QCheckBox *>(editor))
            check->setChecked(value.toBool());
        else if (auto *combo = qobject_cast<QComboBox *>(editor))
            combo->setCurrentIndex(qMax(0, combo->findData(value.toString())));
        else if (auto *text = qobject_cast<QPlainTextEdit *>(editor))
            text->setPlainText(value.isObject() ? headerLines(value.toObject()) : value.toString());
        else if (auto *line = qobject_cast<QLineEdit *>(editor)) {
            if (f.type == ProviderField::Type::Secret) {
                line->clear();
                const bool set = record && record->secretKeys.contains(f.key);
                line->setPlaceholderText(set ? tr("Stored — type to replace") : tr("Not set"));
            } else {
                line->setText(value.toString());
            }
        }
    }
}

void ProvidersPanel::save()
{
    const QString name = m_name->text().trimmed();
    const QString kind = m_kind->currentData().toString();
    QJsonObject settings;
    QJsonObject secrets;
    for (const ProviderField &f : providerFields(kind)) {
        QWidget *editor = m_fields.value(f.key);
        if (auto *spin = qobject_cast<QSpinBox *>(editor)) {
            settings.insert(f.key, spin->value());
        } else if (auto *check = qobject_cast<QCheckBox *>(editor)) {
            settings.insert(f.key, check->isChecked());
        } else if (auto *combo = qobject_cast<QComboBox *>(editor)) {
            settings.insert(f.key, combo->currentData().toString());
        } else if (auto *text = qobject_cast<QPlainTextEdit *>(editor)) {
            const QString body = text->toPlainText();
            if (f.defaultValue.isObject()) {
                settings.insert(f.key, headerObject(body));
            } else if (!body.trimmed().isEmpty()) {
                settings.insert(f.key, body);
            }
        } else if (auto *line = qobject_cast<QLineEdit *>(editor)) {
            const QString value = line->text();
            if (f.type == ProviderField::Type::Secret) {
                if (!value.isEmpty())
                    secrets.insert(f.key, value);
            } else if (!value.trimmed().isEmpty()) {
                settings.insert(f.key, value.trimmed());
            }
        }
    }
    Status saved = m_context.engine.saveProvider(name, kind, settings, secrets, actor());
    if (!saved) {
        const Error &e = saved.error();
        const QString field = e.field.isEmpty() || e.field == QLatin1String("name") ||
                                      e.field == QLatin1String("kind")
                                  ? QString()
                                  : labelOf(e.field);
        showMessage(field.isEmpty() ? tr("Not saved: %1").arg(e.message)
                                    : tr("Not saved: %1 %2").arg(field, e.message),
                    true);
        emit actionFinished();
        return;
    }
    m_current = name;
    refresh();
    editProvider(name);
    showMessage(tr("Provider %1 saved.").arg(name), false);
    emit actionFinished();
}

void ProvidersPanel::removeCurrent()
{
    if (m_current.isEmpty())
        return;
    if (!m_context.prompter.confirm(this, tr("Remove provider"),
                                    tr("Remove the provider %1? Its settings and secrets are "
                                       "deleted.")
                                        .arg(m_current),
                                    tr("Remove provider")))
        return;
    Status removed = m_context.engine.removeProvider(m_current, actor());
    if (!removed) {
        showMessage(tr("Not removed: %1").arg(removed.error().message), true);
        emit actionFinished();
        return;
    }
    showMessage(tr("Provider %1 removed.").arg(m_current), false);
    m_current.clear();
    refresh();
    newProvider(m_kind->itemData(0).toString());
    emit actionFinished();
}

void ProvidersPanel::sendTest()
{
    if (m_current.isEmpty())
        return;
    const QString recipient = m_testRecipient->text().trimmed();
    if (recipient.isEmpty()) {
        showMessage(tr("Enter a phone number or e-mail address to send the test to."), true);
        return;
    }
    const auto channel = static_cast<Channel>(m_testChannel->currentData().toInt());
    m_testButton->setEnabled(false);
    showMessage(tr("Sending a test message…"), false);
    Engine &engine = m_context.engine;
    const QString provider = m_current;
    const Actor who = actor();
    m_work->run<Result<SendOutcome>>(
        this,
        [&engine, provider, channel, recipient, who] {
            return engine.sendTestMessage(provider, channel, recipient, who);
        },
        [this](Result<SendOutcome> outcome) {
            m_testButton->setEnabled(!m_current.isEmpty());
            if (!outcome)
                showMessage(tr("The test was not sent: %1").arg(outcome.error().message), true);
            else if (!outcome->succeeded())
                showMessage(tr("The provider refused the test: %1").arg(outcome->error), true);
            else
                showMessage(tr("The provider accepted the test message."), false);
            emit actionFinished();
        });
}

void ProvidersPanel::showMessage(const QString &text, bool error)
{
    m_message->setStyleSheet(error ? QStringLiteral("QLabel { color: #b3261e; }")
                                   : QStringLiteral("QLabel { color: #1b5e20; }"));
    m_message->setText(text);
}

} // namespace vc::ui
