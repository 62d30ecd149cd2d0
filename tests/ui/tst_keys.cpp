// The API keys page, driven through the real main window: a key created in the dialog works
// against the real HTTP listener until it is revoked in the page, and its secret leaves no trace
// in the console once its dialog is closed.

#include "ConsoleFixture.h"
#include "common/Format.h"
#include "keys/KeysModel.h"
#include "keys/KeysPage.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSpinBox>
#include <QTableView>
#include <QTest>
#include <QTextEdit>
#include <QTimer>

using namespace vc;
using namespace vc::test;
using vc::ui::KeysModel;
using vc::ui::KeysPage;

namespace {

// A visible top-level dialog by object name, or null.
QDialog *openDialog(const QString &name)
{
    for (QWidget *w : QApplication::topLevelWidgets())
        if (auto *dialog = qobject_cast<QDialog *>(w))
            if (dialog->objectName() == name && dialog->isVisible())
                return dialog;
    return nullptr;
}

struct KeyForm
{
    QString name;
    QString scope = QStringLiteral("admin");
    QString service; // empty: all services
    int expiresInDays = 0;
};

} // namespace

class TestKeys : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void createdKeyWorksUntilRevokedInThePage();
    void verifyKeyKeepsItsScopeAndService();
    void decliningRevokeChangesNothing();
    void nameIsRequired();
    void secretLeavesNoTraceAfterTheDialog();
    void copyPutsTheSecretOnTheClipboardUntilTheTimeout();
    void expiredKeysShowAsExpired();

private:
    // Fills the create dialog and accepts it; returns the create dialog if it stayed open.
    QDialog *submitCreateDialog(const KeyForm &form);
    // Creates a key through the dialogs; returns the secret read off the secret dialog, which
    // is left open.
    QString createKey(const KeyForm &form);
    void closeSecretDialog();
    int selectKey(const QString &prefix);
    int request(const QByteArray &method, const QString &path, const QString &key,
                const QByteArray &body = {});
    QString prefixOf(const QString &secret) const { return secret.section(u'_', 1, 1); }

    std::unique_ptr<ConsoleFixture> m_fixture;
    KeysPage *m_page = nullptr;
    QTableView *m_table = nullptr;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    QNetworkAccessManager m_network;
};

void TestKeys::init()
{
    m_fixture = std::make_unique<ConsoleFixture>();
    const Status started = m_fixture->listener.start(QStringLiteral("127.0.0.1:0"));
    QVERIFY2(started.ok(), started.ok() ? "" : qPrintable(started.error().toString()));
    m_page = m_fixture->show<KeysPage>();
    QVERIFY(m_page);
    m_table = m_page->findChild<QTableView *>(QStringLiteral("keysTable"));
    QVERIFY(m_table);
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_page->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTRY_VERIFY(!m_page->model()->isLoading());
}

void TestKeys::cleanup()
{
    for (QWidget *w : QApplication::topLevelWidgets())
        if (qobject_cast<QDialog *>(w) && w->isVisible())
            w->close();
    m_tester.reset();
    m_fixture.reset();
    m_page = nullptr;
    m_table = nullptr;
}

QDialog *TestKeys::submitCreateDialog(const KeyForm &form)
{
    m_page->findChild<QPushButton *>(QStringLiteral("createButton"))->click();
    QDialog *dialog = nullptr;
    [&] { QTRY_VERIFY((dialog = openDialog(QStringLiteral("createKeyDialog")))); }();
    if (!dialog)
        return nullptr;
    auto *name = dialog->findChild<QLineEdit *>(QStringLiteral("nameEdit"));
    auto *scope = dialog->findChild<QComboBox *>(QStringLiteral("scopeCombo"));
    auto *service = dialog->findChild<QComboBox *>(QStringLiteral("serviceCombo"));
    auto *expires = dialog->findChild<QCheckBox *>(QStringLiteral("expiresCheck"));
    auto *days = dialog->findChild<QSpinBox *>(QStringLiteral("expiresDays"));
    if (!name || !scope || !service || !expires || !days)
        return nullptr;
    QTest::keyClicks(name, form.name);
    scope->setCurrentIndex(scope->findData(form.scope));
    service->setCurrentIndex(service->findData(form.service));
    expires->setChecked(form.expiresInDays > 0);
    if (form.expiresInDays > 0)
        days->setValue(form.expiresInDays);
    dialog->findChild<QDialogButtonBox *>(QStringLiteral("buttonBox"))
        ->button(QDialogButtonBox::Ok)
        ->click();
    return dialog;
}

QString TestKeys::createKey(const KeyForm &form)
{
    if (!submitCreateDialog(form))
        return {};
    QDialog *secret = nullptr;
    [&] { QTRY_VERIFY((secret = openDialog(QStringLiteral("secretKeyDialog")))); }();
    if (!secret)
        return {};
    auto *field = secret->findChild<QLineEdit *>(QStringLiteral("keyField"));
    return field ? field->text() : QString();
}

void TestKeys::closeSecretDialog()
{
    QDialog *secret = openDialog(QStringLiteral("secretKeyDialog"));
    QVERIFY(secret);
    secret->findChild<QDialogButtonBox *>(QStringLiteral("buttonBox"))
        ->button(QDialogButtonBox::Close)
        ->click();
    QVERIFY(!openDialog(QStringLiteral("secretKeyDialog")));
    QTRY_VERIFY(!m_page->model()->isLoading());
}

int TestKeys::selectKey(const QString &prefix)
{
    const KeysModel *model = m_page->model();
    for (int row = 0; row < model->rowCount(); ++row)
        if (model->index(row, KeysModel::Prefix).data().toString() == prefix) {
            m_table->selectRow(row);
            return row;
        }
    return -1;
}

int TestKeys::request(const QByteArray &method, const QString &path, const QString &key,
                      const QByteArray &body)
{
    QNetworkRequest req(
        QUrl(QStringLiteral("http://%1%2").arg(m_fixture->listener.address(), path)));
    req.setRawHeader("X-API-Key", key.toUtf8());
    if (!body.isEmpty())
        req.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    QNetworkReply *reply = m_network.sendCustomRequest(req, method, body);
    QEventLoop loop;
    connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(20000, &loop, &QEventLoop::quit);
    if (!reply->isFinished())
        loop.exec();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    reply->deleteLater();
    return status;
}

void TestKeys::createdKeyWorksUntilRevokedInThePage()
{
    const QString secret = createKey({QStringLiteral("Back office"), QStringLiteral("admin")});
    QVERIFY(secret.startsWith(QLatin1String("vk_")));
    closeSecretDialog();

    // Listed, active, not yet used.
    const QString prefix = prefixOf(secret);
    const int row = selectKey(prefix);
    QVERIFY(row >= 0);
    const KeysModel *model = m_page->model();
    QCOMPARE(model->index(row, KeysModel::Name).data().toString(), QStringLiteral("Back office"));
    QCOMPARE(model->index(row, KeysModel::Scope).data().toString(), QStringLiteral("Admin"));
    QCOMPARE(model->index(row, KeysModel::Service).data().toString(),
             QStringLiteral("All services"));
    QCOMPARE(model->index(row, KeysModel::State).data().toString(), QStringLiteral("Active"));
    QCOMPARE(model->index(row, KeysModel::LastUsed).data().toString(), QStringLiteral("Never"));
    QCOMPARE(model->index(row, KeysModel::Expires).data().toString(), QStringLiteral("Never"));

    // The secret authenticates a real request to the listener...
    QCOMPARE(request("GET", QStringLiteral("/v1/sessions"), secret), 200);
    QCOMPARE(request("GET", QStringLiteral("/v1/sessions"), secret + u'x'), 401);

    // ...and the page shows the use after a refresh.
    m_page->refresh();
    QTRY_VERIFY(!m_page->model()->isLoading());
    QCOMPARE(model->index(selectKey(prefix), KeysModel::LastUsed).data().toString(),
             vc::ui::Format::dateTime(m_fixture->engine.clock->nowMs()));

    // Revoke, confirmed: the next request is refused.
    m_fixture->prompter.confirmations = {true};
    auto *revoke = m_page->findChild<QPushButton *>(QStringLiteral("revokeButton"));
    QVERIFY(revoke->isEnabled());
    revoke->click();
    QCOMPARE(m_fixture->prompter.asked, QStringList{QStringLiteral("Revoke API key")});
    QCOMPARE(request("GET", QStringLiteral("/v1/sessions"), secret), 401);

    // The engine recorded it as the operator, and the page shows it.
    auto keys = m_fixture->engine->keys();
    QVERIFY(keys);
    QCOMPARE(keys->size(), 1);
    QVERIFY(keys->first().revokedAt.has_value());
    QCOMPARE(keys->first().revokedBy, QStringLiteral("operator:ola"));
    QTRY_VERIFY(!m_page->model()->isLoading());
    const int revokedRow = selectKey(prefix);
    QCOMPARE(model->index(revokedRow, KeysModel::State).data().toString(),
             QStringLiteral("Revoked"));
    QVERIFY(!revoke->isEnabled()); // a revoked key cannot be revoked again
    QVERIFY(m_fixture->prompter.warnings.isEmpty());
}

void TestKeys::verifyKeyKeepsItsScopeAndService()
{
    const QString secret = createKey(
        {QStringLiteral("Shop"), QStringLiteral("verify"), QStringLiteral("default"), 30});
    QVERIFY(!secret.isEmpty());
    closeSecretDialog();

    const QByteArray start =
        R"({"channel":"sms","recipient":"+4791234567","service_id":"default"})";
    QCOMPARE(request("POST", QStringLiteral("/v1/verify/start"), secret, start) / 100, 2);
    QCOMPARE(request("GET", QStringLiteral("/v1/sessions"), secret), 403);

    const int row = selectKey(prefixOf(secret));
    QVERIFY(row >= 0);
    const KeysModel *model = m_page->model();
    QCOMPARE(model->index(row, KeysModel::Scope).data().toString(), QStringLiteral("Verify"));
    // The service by its name, as everywhere in the console.
    QCOMPARE(model->index(row, KeysModel::Service).data().toString(), QStringLiteral("Default"));
    QCOMPARE(model->index(row, KeysModel::Expires).data().toString(),
             vc::ui::Format::dateTime(kT0 + 30LL * 86'400'000));
}

void TestKeys::decliningRevokeChangesNothing()
{
    const QString secret = createKey({QStringLiteral("Kept"), QStringLiteral("admin")});
    closeSecretDialog();
    const int row = selectKey(prefixOf(secret));
    QVERIFY(row >= 0);

    m_fixture->prompter.confirmations = {false};
    m_page->findChild<QPushButton *>(QStringLiteral("revokeButton"))->click();
    QCOMPARE(m_fixture->prompter.asked, QStringList{QStringLiteral("Revoke API key")});

    auto keys = m_fixture->engine->keys();
    QVERIFY(keys);
    QVERIFY(!keys->first().revokedAt.has_value());
    QTRY_VERIFY(!m_page->model()->isLoading());
    QCOMPARE(m_page->model()->index(selectKey(prefixOf(secret)), KeysModel::State).data(),
             QVariant(QStringLiteral("Active")));
    auto revocations = m_fixture->engine->audit({QStringLiteral("key.revoke"), 0, 50});
    QVERIFY(revocations);
    QVERIFY(revocations->isEmpty());
    QCOMPARE(request("GET", QStringLiteral("/v1/sessions"), secret), 200);
}

void TestKeys::nameIsRequired()
{
    QDialog *dialog = submitCreateDialog({QStringLiteral("   "), QStringLiteral("admin")});
    QVERIFY(dialog);
    // The dialog stays, says what is wrong next to the field, and nothing was issued.
    QVERIFY(dialog->isVisible());
    auto *error = dialog->findChild<QLabel *>(QStringLiteral("nameError"));
    QVERIFY(error->isVisible());
    QVERIFY(!error->text().isEmpty());
    QVERIFY(!openDialog(QStringLiteral("secretKeyDialog")));
    auto keys = m_fixture->engine->keys();
    QVERIFY(keys);
    QVERIFY(keys->isEmpty());

    // Fixing the name lets it through.
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("nameEdit")),
                     QStringLiteral("Fixed"));
    QVERIFY(!error->isVisible());
    dialog->findChild<QDialogButtonBox *>(QStringLiteral("buttonBox"))
        ->button(QDialogButtonBox::Ok)
        ->click();
    QTRY_VERIFY(openDialog(QStringLiteral("secretKeyDialog")));
    keys = m_fixture->engine->keys();
    QCOMPARE(keys->size(), 1);
    QCOMPARE(keys->first().name, QStringLiteral("Fixed"));
}

void TestKeys::secretLeavesNoTraceAfterTheDialog()
{
    const QString secret = createKey({QStringLiteral("Trace"), QStringLiteral("admin")});
    QVERIFY(!secret.isEmpty());
    const QString secretPart = secret.section(u'_', 2);
    QCOMPARE(secretPart.size(), 32);

    // While the dialog is open, the secret is there (and only there).
    QDialog *dialog = openDialog(QStringLiteral("secretKeyDialog"));
    auto *field = dialog->findChild<QLineEdit *>(QStringLiteral("keyField"));
    QVERIFY(field->isReadOnly());
    QCOMPARE(field->text(), secret);
    QPointer<QDialog> guard(dialog);
    closeSecretDialog();
    QTRY_VERIFY(guard.isNull()); // the dialog is gone, not just hidden

    // No widget text anywhere holds it...
    for (QWidget *w : QApplication::allWidgets()) {
        QStringList texts{w->windowTitle(), w->toolTip(), w->accessibleName()};
        if (auto *edit = qobject_cast<QLineEdit *>(w))
            texts << edit->text();
        if (auto *label = qobject_cast<QLabel *>(w))
            texts << label->text();
        if (auto *text = qobject_cast<QTextEdit *>(w))
            texts << text->toPlainText();
        if (auto *text = qobject_cast<QPlainTextEdit *>(w))
            texts << text->toPlainText();
        for (const QString &t : texts)
            QVERIFY2(!t.contains(secretPart), qPrintable(w->objectName()));
    }
    // ...nor any role of any cell or header of the model.
    const KeysModel *model = m_page->model();
    QVERIFY(model->rowCount() > 0);
    for (int row = 0; row < model->rowCount(); ++row)
        for (int column = 0; column < model->columnCount(); ++column)
            for (int role = 0; role <= Qt::UserRole + 64; ++role) {
                const QVariant value = model->index(row, column).data(role);
                QVERIFY(!value.toString().contains(secretPart));
                QVERIFY(!value.toByteArray().contains(secretPart.toUtf8()));
                QVERIFY(!model->headerData(column, Qt::Horizontal, role)
                             .toString()
                             .contains(secretPart));
            }
}

void TestKeys::copyPutsTheSecretOnTheClipboardUntilTheTimeout()
{
    m_page->setClipboardClearDelay(300);
    QClipboard *clipboard = QGuiApplication::clipboard();
    clipboard->setText(QStringLiteral("something before"));
    const QString secret = createKey({QStringLiteral("Clip"), QStringLiteral("admin")});
    QVERIFY(!secret.isEmpty());
    QCOMPARE(clipboard->text(), QStringLiteral("something before")); // nothing copied unasked

    QDialog *dialog = openDialog(QStringLiteral("secretKeyDialog"));
    dialog->findChild<QPushButton *>(QStringLiteral("copyButton"))->click();
    QCOMPARE(clipboard->text(), secret);
    QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("copiedNote"))->isVisible());
    closeSecretDialog(); // closing the dialog does not cut the user's paste short...
    QCOMPARE(clipboard->text(), secret);
    QTRY_VERIFY(clipboard->text().isEmpty()); // ...the timeout clears it
}

void TestKeys::expiredKeysShowAsExpired()
{
    const QString secret =
        createKey({QStringLiteral("Short"), QStringLiteral("admin"), QString(), 1});
    closeSecretDialog();
    QCOMPARE(request("GET", QStringLiteral("/v1/sessions"), secret), 200);

    m_fixture->engine.clock->advanceMs(86'400'000);
    m_page->refresh();
    QTRY_VERIFY(!m_page->model()->isLoading());
    const int row = selectKey(prefixOf(secret));
    QCOMPARE(m_page->model()->index(row, KeysModel::State).data().toString(),
             QStringLiteral("Expired"));
    QCOMPARE(request("GET", QStringLiteral("/v1/sessions"), secret), 401);
}

QTEST_MAIN(TestKeys)
#include "tst_keys.moc"
