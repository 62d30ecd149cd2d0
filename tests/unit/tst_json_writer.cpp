// JsonWriter: the bytes the hot API answers are made of must be valid JSON with the same values
// QJsonDocument would give, and times must be RFC 3339 UTC.

#include "core/JsonWriter.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>

using namespace vc;

class TestJsonWriter : public QObject
{
    Q_OBJECT

private slots:
    void timesMatchQDateTime()
    {
        QRandomGenerator rng(42);
        QList<qint64> samples{0,
                              1,
                              999,
                              86'399'999,
                              86'400'000,
                              951'782'400'000 /* 2000-02-29 */,
                              4'107'542'399'999 /* 2100-02-28T23:59:59.999 */,
                              1'772'445'600'123};
        for (int i = 0; i < 2000; ++i)
            samples.append(static_cast<qint64>(rng.bounded(Q_INT64_C(4'102'444'800'000))));
        for (qint64 ms : samples) {
            const QString expected =
                QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
            QCOMPARE(QString::fromLatin1(JsonWriter::rfc3339(ms)), expected);
        }
    }

    void valuesRoundTripThroughAJsonParser()
    {
        const QString tricky = QStringLiteral("quote \" backslash \\ newline \n tab \t bell \x07 "
                                              "æøå 🙂");
        JsonWriter w;
        w.beginObject()
            .field("text", tricky)
            .field("plain", QStringLiteral("01a2-ok"))
            .field("n", qint64(-1234567890123))
            .field("yes", true)
            .key("nothing")
            .null()
            .timeField("at", qint64(0))
            .timeField("missing", std::optional<qint64>())
            .key("nested")
            .raw("{\"a\":1}")
            .endObject();
        const QByteArray bytes = w.take();
        QJsonParseError error;
        const QJsonObject o = QJsonDocument::fromJson(bytes, &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(o.value(QStringLiteral("text")).toString(), tricky);
        QCOMPARE(o.value(QStringLiteral("plain")).toString(), QStringLiteral("01a2-ok"));
        QCOMPARE(o.value(QStringLiteral("n")).toDouble(), -1234567890123.0);
        QCOMPARE(o.value(QStringLiteral("yes")).toBool(), true);
        QVERIFY(o.value(QStringLiteral("nothing")).isNull());
        QCOMPARE(o.value(QStringLiteral("at")).toString(),
                 QStringLiteral("1970-01-01T00:00:00.000Z"));
        QVERIFY(o.value(QStringLiteral("missing")).isNull());
        QCOMPARE(o.value(QStringLiteral("nested")).toObject().value(QStringLiteral("a")).toInt(),
                 1);
        QCOMPARE(o.size(), 8);
    }

    void anyValueMatchesQJsonDocument()
    {
        const QJsonObject o{
            {QStringLiteral("s"), QStringLiteral("a \"b\" \\ c\n\u0001 ø")},
            {QStringLiteral("i"), 42},
            {QStringLiteral("neg"), -7},
            {QStringLiteral("big"), 1772445600123.0},
            {QStringLiteral("frac"), 0.25},
            {QStringLiteral("t"), true},
            {QStringLiteral("n"), QJsonValue(QJsonValue::Null)},
            {QStringLiteral("a"),
             QJsonArray{1, QStringLiteral("x"), QJsonObject{{QStringLiteral("k"), false}}}},
            {QStringLiteral("o"), QJsonObject{{QStringLiteral("inner"), QJsonArray{}}}},
        };
        JsonWriter w;
        w.value(o);
        const QByteArray mine = w.take();
        QCOMPARE(QJsonDocument::fromJson(mine).object(), o);
        QCOMPARE(mine, QJsonDocument(o).toJson(QJsonDocument::Compact));
    }
};

QTEST_GUILESS_MAIN(TestJsonWriter)
#include "tst_json_writer.moc"
