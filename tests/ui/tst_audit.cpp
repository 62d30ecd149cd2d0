// The audit log page over a real engine: what the operator did shows newest first with the right
// actor, action and target; the search narrows the list; older entries load page by page.

#include "ConsoleFixture.h"
#include "audit/AuditModel.h"
#include "audit/AuditPage.h"
#include "common/Format.h"
#include "keys/KeysModel.h"
#include "keys/KeysPage.h"

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTableView>
#include <QTest>

using namespace vc;
using namespace vc::test;
using vc::ui::AuditModel;
using vc::ui::AuditPage;

class TestAudit : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void operatorActionsShowNewestFirst();
    void searchNarrows();
    void olderEntriesLoadPageByPage();
    void refreshAddsNewEntriesAndKeepsOlderOnes();
    void pagingUnderTheTester();

private:
    QString cell(int row, int column) const
    {
        return m_model->index(row, column).data().toString();
    }
    void waitLoaded() { QTRY_VERIFY(!m_model->isLoading()); }
    // Changes the default service `n` times (each one audit entry) as the operator.
    void changeServiceTimes(int n);
    // All entry ids the engine has for `search`, newest first.
    QList<qint64> engineIds(const QString &search = {}) const;

    std::unique_ptr<ConsoleFixture> m_fixture;
    AuditPage *m_page = nullptr;
    AuditModel *m_model = nullptr;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestAudit::init()
{
    m_fixture = std::make_unique<ConsoleFixture>();
    m_page = m_fixture->window->findPage<AuditPage>();
    QVERIFY(m_page);
    m_model = m_page->model();
    // The tester asks for more rows on every change, as a view does; the paging tests take
    // each page by hand instead (and pagingUnderTheTester lets it fetch everything).
    const QByteArray test = QTest::currentTestFunction();
    if (test != "olderEntriesLoadPageByPage" && test != "refreshAddsNewEntriesAndKeepsOlderOnes")
        m_tester = std::make_unique<QAbstractItemModelTester>(
            m_model, QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void TestAudit::cleanup()
{
    m_tester.reset();
    m_fixture.reset();
    m_page = nullptr;
    m_model = nullptr;
}

void TestAudit::changeServiceTimes(int n)
{
    for (int i = 0; i < n; ++i) {
        auto changed = m_fixture->engine->updateService(
            QStringLiteral("default"), QJsonObject{{QStringLiteral("ttl_seconds"), 600 + i}},
            m_fixture->context.operatorActor);
        QVERIFY2(changed, errorText(changed).constData());
        m_fixture->engine.clock->advanceSeconds(1);
    }
}

QList<qint64> TestAudit::engineIds(const QString &search) const
{
    QList<qint64> ids;
    auto entries = m_fixture->engine->audit({search, 0, 500});
    if (entries)
        for (const AuditEntry &e : *entries)
            ids << e.id;
    return ids;
}

void TestAudit::operatorActionsShowNewestFirst()
{
    Engine &engine = *m_fixture->engine.engine;
    const Actor &op = m_fixture->context.operatorActor;
    auto &clock = *m_fixture->engine.clock;

    // A key created and revoked in the keys page.
    auto *keys = m_fixture->show<vc::ui::KeysPage>();
    auto issued = engine.createKey({QStringLiteral("Shop"), QStringLiteral("verify"), {}, {}}, op);
    QVERIFY2(issued, errorText(issued).constData());
    clock.advanceSeconds(1);
    keys->refresh();
    QTRY_VERIFY(keys->model()->rowOfId(issued->info.id) >= 0);
    keys->findChild<QTableView *>(QStringLiteral("keysTable"))
        ->selectRow(keys->model()->rowOfId(issued->info.id));
    keys->revokeSelected();
    clock.advanceSeconds(1);
    // A service change, then a session cancelled by the operator.
    changeServiceTimes(1);
    auto started = engine.start(startRequest(QStringLiteral("sms"), QStringLiteral("+4791234567")));
    QVERIFY2(started, errorText(started).constData());
    auto cancelled = engine.cancel(started->sessionId, op);
    QVERIFY2(cancelled, errorText(cancelled).constData());

    m_fixture->show<AuditPage>();
    waitLoaded();
    QCOMPARE(m_model->rowCount(), 4);

    const QString prefix = issued->info.prefix;
    struct Expected
    {
        QString action, actionName, target, targetId;
    };
    const QList<Expected> expected{
        {QStringLiteral("session.cancel"), QStringLiteral("Session cancelled"),
         QStringLiteral("Session %1").arg(started->sessionId), started->sessionId},
        {QStringLiteral("service.update"), QStringLiteral("Service changed"),
         QStringLiteral("Service default"), QStringLiteral("default")},
        {QStringLiteral("key.revoke"), QStringLiteral("API key revoked"),
         QStringLiteral("API key %1").arg(prefix), issued->info.id},
        {QStringLiteral("key.create"), QStringLiteral("API key created"),
         QStringLiteral("API key %1").arg(prefix), issued->info.id},
    };
    for (int row = 0; row < expected.size(); ++row) {
        const QModelIndex index = m_model->index(row, 0);
        QCOMPARE(index.data(AuditModel::ActionRole).toString(), expected[row].action);
        QCOMPARE(cell(row, AuditModel::Action), expected[row].actionName);
        QCOMPARE(cell(row, AuditModel::Actor), QStringLiteral("operator:ola"));
        QCOMPARE(cell(row, AuditModel::Target), expected[row].target);
        QCOMPARE(index.data(AuditModel::TargetIdRole).toString(), expected[row].targetId);
        if (row > 0)
            QVERIFY(m_model->index(row - 1, 0).data(AuditModel::EntryIdRole).toLongLong() >
                    index.data(AuditModel::EntryIdRole).toLongLong());
    }
    // Times in the locale's format; details readable, without JSON.
    QCOMPARE(cell(3, AuditModel::Time), vc::ui::Format::dateTime(kT0));
    QCOMPARE(cell(1, AuditModel::Details), QStringLiteral("ttl_seconds: 300 → 600"));
    QVERIFY(cell(3, AuditModel::Details).contains(QLatin1String("name: Shop")));
    QVERIFY(cell(3, AuditModel::Details).contains(QLatin1String("scope: verify")));
    QVERIFY(!cell(0, AuditModel::Details).contains(u'{'));

    // Selecting an entry shows it in full below.
    auto *table = m_page->findChild<QTableView *>(QStringLiteral("auditTable"));
    table->selectRow(0);
    const QString detail =
        m_page->findChild<QPlainTextEdit *>(QStringLiteral("detailView"))->toPlainText();
    QVERIFY(detail.contains(started->sessionId));
    QVERIFY(detail.contains(QLatin1String("Session cancelled")));
}

void TestAudit::searchNarrows()
{
    Engine &engine = *m_fixture->engine.engine;
    auto issued = engine.createKey({QStringLiteral("Shop"), QStringLiteral("admin"), {}, {}},
                                   m_fixture->context.operatorActor);
    QVERIFY(issued);
    changeServiceTimes(3);
    m_fixture->show<AuditPage>();
    waitLoaded();
    QCOMPARE(m_model->rowCount(), 4);

    auto *search = m_page->findChild<QLineEdit *>(QStringLiteral("searchEdit"));
    QTest::keyClicks(search, QStringLiteral("key.create"));
    QTRY_COMPARE(m_model->search(), QStringLiteral("key.create"));
    waitLoaded();
    QCOMPARE(m_model->rowCount(), 1);
    QCOMPARE(m_model->index(0, 0).data(AuditModel::ActionRole).toString(),
             QStringLiteral("key.create"));

    // A target id narrows too; a miss says so.
    search->clear();
    QTest::keyClicks(search, QStringLiteral("DEFAULT"));
    QTest::keyClick(search, Qt::Key_Return);
    waitLoaded();
    QCOMPARE(m_model->rowCount(), 3);
    for (int row = 0; row < 3; ++row)
        QCOMPARE(cell(row, AuditModel::Target), QStringLiteral("Service default"));

    search->setText(QStringLiteral("nothing-like-this"));
    QTest::keyClick(search, Qt::Key_Return);
    waitLoaded();
    QCOMPARE(m_model->rowCount(), 0);
    QVERIFY(m_page->findChild<QLabel *>(QStringLiteral("statusNote"))
                ->text()
                .contains(QLatin1String("nothing-like-this")));

    search->clear();
    QTest::keyClick(search, Qt::Key_Return);
    waitLoaded();
    QCOMPARE(m_model->rowCount(), 4);
}

void TestAudit::olderEntriesLoadPageByPage()
{
    changeServiceTimes(65);
    m_model->setPageSize(20);
    m_model->reload();
    // Shown, but hidden from the view's own fetching so each page is asked for here.
    m_fixture->show<AuditPage>();
    m_page->findChild<QTableView *>(QStringLiteral("auditTable"))->setModel(nullptr);
    waitLoaded();
    const QList<qint64> all = engineIds();
    QCOMPARE(all.size(), 65);

    QCOMPARE(m_model->rowCount(), 20);
    QVERIFY(m_model->canFetchMore({}));
    int pages = 1;
    while (m_model->canFetchMore({})) {
        const int before = m_model->rowCount();
        m_model->fetchMore({});
        QVERIFY(!m_model->canFetchMore({})); // one page at a time
        waitLoaded();
        QVERIFY(m_model->rowCount() > before);
        ++pages;
    }
    QCOMPARE(pages, 4);
    QList<qint64> shown;
    for (int row = 0; row < m_model->rowCount(); ++row)
        shown << m_model->index(row, 0).data(AuditModel::EntryIdRole).toLongLong();
    QCOMPARE(shown, all); // every entry once, newest first, no gap
}

void TestAudit::refreshAddsNewEntriesAndKeepsOlderOnes()
{
    changeServiceTimes(30);
    m_model->setPageSize(10);
    m_page->findChild<QTableView *>(QStringLiteral("auditTable"))->setModel(nullptr);
    m_fixture->show<AuditPage>();
    waitLoaded();
    m_model->fetchMore({});
    waitLoaded();
    QCOMPARE(m_model->rowCount(), 20);

    // A few new entries are added on top; what was loaded stays.
    changeServiceTimes(3);
    m_page->refresh();
    waitLoaded();
    QCOMPARE(m_model->rowCount(), 23);
    QList<qint64> shown;
    for (int row = 0; row < m_model->rowCount(); ++row)
        shown << m_model->index(row, 0).data(AuditModel::EntryIdRole).toLongLong();
    QCOMPARE(shown, engineIds().first(23));

    // More than a page of new ones could leave a gap: the list starts over from the newest.
    changeServiceTimes(12);
    m_page->refresh();
    waitLoaded();
    QCOMPARE(m_model->rowCount(), 10);
    QCOMPARE(m_model->index(0, 0).data(AuditModel::EntryIdRole).toLongLong(), engineIds().first());
}

void TestAudit::pagingUnderTheTester()
{
    // Paging, refreshing and searching under the tester, which checks every signal (and asks for
    // more rows itself whenever it can): the list ends up as the engine's, each entry once.
    changeServiceTimes(45);
    m_model->setPageSize(10);
    m_fixture->show<AuditPage>();
    changeServiceTimes(4);
    m_page->refresh();
    const auto fetchAll = [this] {
        for (int i = 0; i < 100 && (m_model->isLoading() || m_model->canFetchMore({})); ++i) {
            m_model->fetchMore({});
            QTest::qWait(1);
        }
    };
    fetchAll();
    QVERIFY(!m_model->canFetchMore({}) && !m_model->isLoading());
    QList<qint64> shown;
    for (int row = 0; row < m_model->rowCount(); ++row)
        shown << m_model->index(row, 0).data(AuditModel::EntryIdRole).toLongLong();
    QCOMPARE(shown, engineIds());

    m_model->setSearch(QStringLiteral("service.update"));
    m_model->setSearch(QStringLiteral("default"));
    fetchAll();
    QVERIFY(!m_model->canFetchMore({}) && !m_model->isLoading());
    QCOMPARE(m_model->rowCount(), 49);
}

QTEST_MAIN(TestAudit)
#include "tst_audit.moc"
