#include "crypto/CodeHasher.h"

#include <QCryptographicHash>
#include <QTest>

using namespace vc;

namespace {

const QString SessionA = QStringLiteral("0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b");
const QString SessionB = QStringLiteral("0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c");

SecureBytes pepper(char fill = '\x01')
{
    return SecureBytes(QByteArray(32, fill));
}

SecureBytes code(const char *text)
{
    return SecureBytes(QByteArray(text));
}

} // namespace

class TestCodeHasher : public QObject
{
    Q_OBJECT

private slots:
    void knownAnswer();
    void deterministic();
    void differsPerSession();
    void differsPerCode();
    void differsPerPepper();
    void isNotAPlainHash();
    void fieldsCannotBeShifted();
    void matches();
};

void TestCodeHasher::knownAnswer()
{
    // Stored hashes outlive releases: the message layout is pinned against an independent
    // HMAC of "vc-code-v1" 0x00 sessionId 0x00 code.
    const CodeHasher hasher(pepper());
    QCOMPARE(hasher.hash(SessionA, code("123456")).toHex(),
             QByteArrayLiteral("b24d0339b2c360c2cc79d0417d750741558daa8dcb931e350b21822e6e88439e"));
}

void TestCodeHasher::deterministic()
{
    const CodeHasher hasher(pepper());
    const QByteArray first = hasher.hash(SessionA, code("123456"));
    QCOMPARE(first.size(), 32);
    QCOMPARE(hasher.hash(SessionA, code("123456")), first);
    QCOMPARE(CodeHasher(pepper()).hash(SessionA, code("123456")), first);
}

void TestCodeHasher::differsPerSession()
{
    const CodeHasher hasher(pepper());
    QVERIFY(hasher.hash(SessionA, code("123456")) != hasher.hash(SessionB, code("123456")));
}

void TestCodeHasher::differsPerCode()
{
    const CodeHasher hasher(pepper());
    QVERIFY(hasher.hash(SessionA, code("123456")) != hasher.hash(SessionA, code("123457")));
}

void TestCodeHasher::differsPerPepper()
{
    QVERIFY(CodeHasher(pepper('\x01')).hash(SessionA, code("123456")) !=
            CodeHasher(pepper('\x02')).hash(SessionA, code("123456")));
}

void TestCodeHasher::isNotAPlainHash()
{
    // Without the pepper a database copy must give nothing to brute-force.
    const QByteArray hash = CodeHasher(pepper()).hash(SessionA, code("123456"));
    const QByteArray id = SessionA.toUtf8();
    QVERIFY(hash != QCryptographicHash::hash("123456", QCryptographicHash::Sha256));
    QVERIFY(hash !=
            QCryptographicHash::hash(QByteArray(id + "123456"), QCryptographicHash::Sha256));
    QVERIFY(hash != QCryptographicHash::hash(QByteArray(id + QByteArray(1, '\0') + "123456"),
                                             QCryptographicHash::Sha256));
}

void TestCodeHasher::fieldsCannotBeShifted()
{
    // The separator keeps ("s1", "23456") and ("s12", "3456") apart.
    const CodeHasher hasher(pepper());
    QVERIFY(hasher.hash(QStringLiteral("s1"), code("23456")) !=
            hasher.hash(QStringLiteral("s12"), code("3456")));
}

void TestCodeHasher::matches()
{
    const CodeHasher hasher(pepper());
    const QByteArray stored = hasher.hash(SessionA, code("482913"));
    QVERIFY(hasher.matches(SessionA, code("482913"), stored));
    QVERIFY(!hasher.matches(SessionA, code("482914"), stored));
    QVERIFY(!hasher.matches(SessionB, code("482913"), stored));
    QVERIFY(!CodeHasher(pepper('\x02')).matches(SessionA, code("482913"), stored));
    QVERIFY(!hasher.matches(SessionA, code("482913"), stored.left(31)));
    QVERIFY(!hasher.matches(SessionA, code("482913"), QByteArray()));
}

QTEST_GUILESS_MAIN(TestCodeHasher)
#include "tst_code_hasher.moc"
