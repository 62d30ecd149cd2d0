// LineLog: verifyd's log lines are gathered in memory and written in batches, yet none is lost,
// none is torn, their order holds, and warnings reach stderr before the call returns.

#include "core/Logging.h"

#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <thread>
#include <unistd.h>
#include <vector>

using namespace vc;

Q_LOGGING_CATEGORY(lcLineLogTest, "verify.test", QtInfoMsg)

namespace {

// Points stderr at a file for the lifetime of the object.
class CapturedStderr
{
public:
    explicit CapturedStderr(const QString &path)
        : m_path(path)
        , m_saved(::dup(STDERR_FILENO))
    {
        const int fd = ::open(QFile::encodeName(path).constData(),
                              O_WRONLY | O_CREAT | O_TRUNC | O_APPEND, 0600);
        ::dup2(fd, STDERR_FILENO);
        ::close(fd);
    }
    ~CapturedStderr()
    {
        ::dup2(m_saved, STDERR_FILENO);
        ::close(m_saved);
    }
    CapturedStderr(const CapturedStderr &) = delete;
    CapturedStderr &operator=(const CapturedStderr &) = delete;

    QByteArrayList lines() const
    {
        QFile file(m_path);
        if (!file.open(QIODevice::ReadOnly))
            return {};
        QByteArrayList all = file.readAll().split('\n');
        if (!all.isEmpty() && all.last().isEmpty())
            all.removeLast();
        return all;
    }
    bool contains(const QByteArray &text) const
    {
        for (const QByteArray &line : lines())
            if (line.contains(text))
                return true;
        return false;
    }

private:
    QString m_path;
    int m_saved;
};

QtMessageHandler g_before = nullptr;
QStringList g_captured;

void captureHandler(QtMsgType, const QMessageLogContext &context, const QString &message)
{
    g_captured.append(QString::fromLatin1(context.category) + u": " + message);
}

} // namespace

class TestLineLog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void infoLinesAreWrittenSoon()
    {
        CapturedStderr err(m_dir.filePath(QStringLiteral("info.log")));
        LineLog log;
        qCInfo(lcLineLogTest, "hello %d", 42);
        // Not necessarily at once, but within the flush interval (waited for, not timed).
        QTRY_VERIFY_WITH_TIMEOUT(err.contains("hello 42"), 5000);
        const QByteArrayList lines = err.lines();
        QCOMPARE(lines.size(), 1);
        static const QRegularExpression shape(
            QStringLiteral(R"(^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z verify\.test: hello 42$)"));
        QVERIFY2(shape.match(QString::fromUtf8(lines.first())).hasMatch(),
                 lines.first().constData());
    }

    void warningIsWrittenBeforeTheCallReturns()
    {
        CapturedStderr err(m_dir.filePath(QStringLiteral("warning.log")));
        LineLog log;
        qCInfo(lcLineLogTest, "first, an info line");
        qCWarning(lcLineLogTest, "then a warning");
        // No waiting: the warning and everything before it are on stderr already, in order.
        const QByteArrayList lines = err.lines();
        QCOMPARE(lines.size(), 2);
        QVERIFY(lines.at(0).endsWith("verify.test: first, an info line"));
        QVERIFY(lines.at(1).endsWith(" warning verify.test: then a warning"));
    }

    void explicitFlushWritesPendingLines()
    {
        CapturedStderr err(m_dir.filePath(QStringLiteral("flush.log")));
        LineLog log;
        for (int i = 0; i < 10; ++i)
            qCInfo(lcLineLogTest, "line %d", i);
        log.flush();
        QCOMPARE(err.lines().size(), 10);
    }

    void threadsLoseNoLineAndTearNone()
    {
        CapturedStderr err(m_dir.filePath(QStringLiteral("threads.log")));
        constexpr int kThreads = 4;
        constexpr int kLines = 5000;
        {
            LineLog log;
            std::vector<std::thread> threads;
            for (int t = 0; t < kThreads; ++t)
                threads.emplace_back([t] {
                    const QByteArray padding(100, char('a' + t));
                    for (int i = 0; i < kLines; ++i) {
                        if (i % 2 == 0)
                            qCInfo(lcLineLogTest, "t%d n%d %s", t, i, padding.constData());
                        else
                            logInfo(lcLineLogTest(),
                                    QByteArray(QByteArray("t") + QByteArray::number(t) + " n" +
                                               QByteArray::number(i) + ' ' + padding));
                    }
                });
            for (std::thread &thread : threads)
                thread.join();
        } // the destructor writes what is still pending
        const QByteArrayList lines = err.lines();
        QCOMPARE(lines.size(), kThreads * kLines);
        static const QRegularExpression shape(QStringLiteral(
            R"(^\S+Z verify\.test: t(\d) n(\d+) ([a-z])\3{99}$)")); // whole, not interleaved
        std::vector<int> next(kThreads, 0);
        for (const QByteArray &line : lines) {
            const QRegularExpressionMatch m = shape.match(QString::fromUtf8(line));
            QVERIFY2(m.hasMatch(), line.left(80).constData());
            const int t = m.captured(1).toInt();
            QCOMPARE(m.captured(3).at(0), QChar(u'a' + t));
            QCOMPARE(m.captured(2).toInt(), next[size_t(t)]); // each thread's lines in order
            ++next[size_t(t)];
        }
    }

    void logInfoWithoutLineLogGoesThroughQt()
    {
        g_captured.clear();
        g_before = qInstallMessageHandler(captureHandler);
        logInfo(lcLineLogTest(), "through Qt %d");
        qInstallMessageHandler(g_before);
        QCOMPARE(g_captured, QStringList{QStringLiteral("verify.test: through Qt %d")});
    }

    void destructorRestoresThePreviousHandler()
    {
        g_captured.clear();
        g_before = qInstallMessageHandler(captureHandler);
        {
            CapturedStderr err(m_dir.filePath(QStringLiteral("restore.log")));
            LineLog log;
            qCInfo(lcLineLogTest, "to the line log");
        }
        qCInfo(lcLineLogTest, "to the capture");
        qInstallMessageHandler(g_before);
        QCOMPARE(g_captured, QStringList{QStringLiteral("verify.test: to the capture")});
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestLineLog)
#include "tst_line_log.moc"
