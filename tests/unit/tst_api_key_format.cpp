// ApiKeyFormat: every presented key passes through parse() first, so it must take exactly the
// shape issued keys have and nothing else.

#include "crypto/ApiKeyFormat.h"

#include <QTest>

using namespace vc;

class TestApiKeyFormat : public QObject
{
    Q_OBJECT

private slots:
    void generatedKeysParseBack()
    {
        for (int i = 0; i < 100; ++i) {
            auto generated = ApiKeyFormat::generate();
            QVERIFY(bool(generated));
            const auto parts = ApiKeyFormat::parse(generated->text);
            QVERIFY(parts.has_value());
            QCOMPARE(parts->prefix, generated->prefix);
            QCOMPARE(parts->secret.bytes(), generated->secret.bytes());
        }
    }

    void surroundingWhitespaceIsIgnored()
    {
        const QString key = QStringLiteral("vk_ab12cd34_") + QString(32, u'Z');
        const auto parts = ApiKeyFormat::parse(u"  " + key + u"\t");
        QVERIFY(parts.has_value());
        QCOMPARE(parts->prefix, QStringLiteral("ab12cd34"));
    }

    void otherShapesAreRefused_data()
    {
        QTest::addColumn<QString>("presented");
        const QString prefix = QStringLiteral("ab12cd34");
        const QString secret = QStringLiteral("Ab3De6Gh9Jk2Mn5Pq8St1Vw4Yz7Bc0Ef");
        QCOMPARE(secret.size(), ApiKeyFormat::SecretLength);
        const auto key = [](const QString &p, const QString &s) -> QString {
            return QStringLiteral("vk_") + p + u'_' + s;
        };
        QTest::newRow("empty") << QString();
        QTest::newRow("no vk_") << (QStringLiteral("xk_") + prefix + u'_' + secret);
        QTest::newRow("no separator") << (QStringLiteral("vk_") + prefix + u'-' + secret);
        QTest::newRow("short secret") << key(prefix, secret.chopped(1));
        QTest::newRow("long secret") << key(prefix, secret + u'a');
        QTest::newRow("upper-case prefix") << key(QStringLiteral("AB12cd34"), secret);
        QTest::newRow("punctuation in prefix") << key(QStringLiteral("ab12cd3-"), secret);
        QTest::newRow("underscore in secret") << key(prefix, u'_' + secret.mid(1));
        QTest::newRow("space in secret") << key(prefix, secret.left(10) + u' ' + secret.mid(11));
        QTest::newRow("NUL in secret") << key(prefix, QChar(0) + secret.mid(1));
        QTest::newRow("Latin-1 letter in secret") << key(prefix, QChar(0xe9) + secret.mid(1));
        QTest::newRow("letter beyond Latin-1") << key(prefix, QChar(0x0141) + secret.mid(1));
        QTest::newRow("digit beyond ASCII") << key(prefix, QChar(0x0661) + secret.mid(1));
        QTest::newRow("character next to 'z'") << key(prefix, u'{' + secret.mid(1));
        QTest::newRow("character before 'A'") << key(prefix, u'@' + secret.mid(1));
        QTest::newRow("character after '9'") << key(QStringLiteral("ab12cd3:"), secret);
    }

    void otherShapesAreRefused()
    {
        QFETCH(QString, presented);
        QVERIFY(!ApiKeyFormat::parse(presented).has_value());
    }
};

QTEST_GUILESS_MAIN(TestApiKeyFormat)
#include "tst_api_key_format.moc"
