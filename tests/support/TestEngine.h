#pragma once

#include "core/Engine.h"

#include <QDir>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace vc::test {

// An admin acting in a test: staff, so actions are audited.
inline const Actor kAdmin{QStringLiteral("test"), QStringLiteral("admin"), true};

// 2026-03-02 10:00:00 UTC: a fixed start so hour buckets and expiry are predictable.
constexpr qint64 kT0 = 1772445600000;

// An engine on a real SQLite file in a fresh temporary folder, with a clock the test moves.
struct TestEngine
{
    QTemporaryDir dir;
    std::shared_ptr<ManualClock> clock = std::make_shared<ManualClock>(kT0);
    std::unique_ptr<Engine> engine;

    explicit TestEngine(SyncMode sync = SyncMode::Normal) { reopen(sync); }

    EngineConfig config(SyncMode sync = SyncMode::Normal) const
    {
        EngineConfig c;
        c.dataDir = dir.path();
        c.sync = sync;
        return c;
    }

    void reopen(SyncMode sync = SyncMode::Normal)
    {
        engine.reset();
        auto opened = Engine::open(config(sync), clock);
        if (!opened)
            qFatal("engine did not open: %s", qPrintable(opened.error().toString()));
        engine = std::move(*opened);
    }

    // Another engine on the same file: it stands for another process (verifyd, verifyctl).
    std::unique_ptr<Engine> another() const
    {
        auto opened = Engine::open(config(), clock);
        if (!opened)
            qFatal("another engine did not open: %s", qPrintable(opened.error().toString()));
        return std::move(*opened);
    }

    QString dbPath() const { return dir.filePath(QStringLiteral("verify.db")); }

    Engine *operator->() const { return engine.get(); }
};

inline StartRequest startRequest(const QString &channel, const QString &recipient)
{
    StartRequest r;
    r.channel = channel;
    r.recipient = recipient;
    r.actor = {QStringLiteral("test"), QStringLiteral("tester")};
    return r;
}

// A Result's error for a QVERIFY2 message, empty when it holds a value. (Qt 6.4's QVERIFY2 builds
// its message even when the check passes, so `r.error()` there would throw on success.)
template <typename T>
QByteArray errorText(const Result<T> &r)
{
    return r ? QByteArray() : r.error().toString().toUtf8();
}

// The code as the recipient received it: read from the local outbox (newest message of the
// session), i.e. the way a user reads it off their phone. The session's code length and type
// say what to look for.
inline QString receivedCode(Engine &engine, const QString &sessionId)
{
    auto entries = engine.outbox(sessionId, 1);
    auto session = engine.status(sessionId);
    if (!entries || entries->isEmpty() || !session)
        return {};
    const QString alphabet = session->codeType == CodeType::Numeric
                                 ? QStringLiteral("0-9")
                                 : QStringLiteral("2-9A-HJ-NP-Z");
    const QRegularExpression re(QStringLiteral("(?<![0-9A-Za-z])([%1]{%2})(?![0-9A-Za-z])")
                                    .arg(alphabet)
                                    .arg(session->codeLength));
    QString text = entries->first().text;
    if (entries->first().channel == Channel::Voice) // read out one character at a time
        text.replace(QRegularExpression(QStringLiteral("(?<=[0-9A-Z]), (?=[0-9A-Z])")), QString());
    return re.match(text).captured(1);
}

// A separate read-only look at the database file, as an auditor with a copy would have.
class RawDb
{
public:
    explicit RawDb(const QString &path)
        : m_name(QStringLiteral("raw-%1").arg(reinterpret_cast<quintptr>(this)))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
        if (!db.open())
            qFatal("cannot open %s", qPrintable(path));
    }
    ~RawDb()
    {
        QSqlDatabase::database(m_name).close();
        QSqlDatabase::removeDatabase(m_name);
    }
    RawDb(const RawDb &) = delete;
    RawDb &operator=(const RawDb &) = delete;

    // Rows of a query, each as a list of values.
    QList<QVariantList> rows(const QString &sql, const QVariantList &binds = {}) const
    {
        QSqlQuery q(QSqlDatabase::database(m_name));
        q.prepare(sql);
        for (int i = 0; i < binds.size(); ++i)
            q.bindValue(i, binds.at(i));
        if (!q.exec())
            qFatal("query failed: %s", qPrintable(sql));
        QList<QVariantList> out;
        const int n = q.record().count();
        while (q.next()) {
            QVariantList row;
            for (int i = 0; i < n; ++i)
                row.append(q.value(i));
            out.append(row);
        }
        return out;
    }
    QVariant scalar(const QString &sql, const QVariantList &binds = {}) const
    {
        const auto r = rows(sql, binds);
        return r.isEmpty() ? QVariant() : r.first().value(0);
    }
    // Changes the file behind the engine's back (e.g. to move a stored time when the program
    // under test runs on the system clock); returns the number of rows changed.
    int exec(const QString &sql, const QVariantList &binds = {}) const
    {
        QSqlQuery q(QSqlDatabase::database(m_name));
        q.prepare(sql);
        for (int i = 0; i < binds.size(); ++i)
            q.bindValue(i, binds.at(i));
        if (!q.exec())
            qFatal("statement failed: %s", qPrintable(sql));
        return q.numRowsAffected();
    }

private:
    QString m_name;
};

} // namespace vc::test
