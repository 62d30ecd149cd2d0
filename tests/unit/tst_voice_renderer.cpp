// The voice renderer speaks each shipped locale's voice script with espeak-ng: a well-formed
// RIFF/WAVE file of 16-bit mono PCM whose length and loudness are those of speech, from several
// threads at once without corrupting espeak-ng's global state.

#include "crypto/SecureBytes.h"
#include "delivery/MessageTemplates.h"
#include "delivery/VoiceRenderer.h"

#include <QTest>
#include <QtEndian>

#include <optional>
#include <thread>
#include <vector>

using namespace vc;

namespace {

struct Wav
{
    int format = 0;
    int channels = 0;
    int sampleRate = 0;
    int byteRate = 0;
    int blockAlign = 0;
    int bitsPerSample = 0;
    QByteArray data;

    qsizetype samples() const { return data.size() / 2; }
    double seconds() const { return sampleRate ? double(samples()) / sampleRate : 0; }
    // The share of samples louder than `threshold` (of 32767).
    double loudShare(int threshold) const
    {
        qsizetype loud = 0;
        for (qsizetype i = 0; i + 1 < data.size(); i += 2)
            loud += qAbs(int(qFromLittleEndian<qint16>(data.constData() + i))) > threshold;
        return samples() ? double(loud) / double(samples()) : 0;
    }
};

// Parses a WAV file chunk by chunk, as a player would; nullopt (and a warning) when malformed.
std::optional<Wav> parseWav(const QByteArray &file)
{
    const auto u32 = [&file](qsizetype at) {
        return qFromLittleEndian<quint32>(file.constData() + at);
    };
    const auto u16 = [&file](qsizetype at) {
        return qFromLittleEndian<quint16>(file.constData() + at);
    };
    if (file.size() < 12 || !file.startsWith("RIFF") || file.mid(8, 4) != "WAVE") {
        qWarning("not a RIFF/WAVE file");
        return std::nullopt;
    }
    if (u32(4) != quint32(file.size() - 8)) {
        qWarning("RIFF size %u for a file of %lld bytes", u32(4), qlonglong(file.size()));
        return std::nullopt;
    }
    Wav wav;
    bool haveFormat = false;
    bool haveData = false;
    qsizetype at = 12;
    while (at + 8 <= file.size()) {
        const QByteArray id = file.mid(at, 4);
        const quint32 size = u32(at + 4);
        if (at + 8 + qsizetype(size) > file.size()) {
            qWarning("chunk %s runs past the end", id.constData());
            return std::nullopt;
        }
        if (id == "fmt " && size >= 16) {
            wav.format = u16(at + 8);
            wav.channels = u16(at + 10);
            wav.sampleRate = int(u32(at + 12));
            wav.byteRate = int(u32(at + 16));
            wav.blockAlign = u16(at + 20);
            wav.bitsPerSample = u16(at + 22);
            haveFormat = true;
        } else if (id == "data") {
            wav.data = file.mid(at + 8, size);
            haveData = true;
        }
        at += 8 + size + (size & 1);
    }
    if (!haveFormat || !haveData) {
        qWarning("no fmt or data chunk");
        return std::nullopt;
    }
    return wav;
}

} // namespace

class TestVoiceRenderer : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void speaksEachLocalesVoiceScript_data();
    void speaksEachLocalesVoiceScript();
    void localesMapToVoices();
    void refusesWhatItCannotSpeak();
    void rendersFromSeveralThreadsAtOnce();

private:
    QString script(const QString &locale) const;

    std::optional<TemplateCatalog> m_catalog;
};

void TestVoiceRenderer::initTestCase()
{
    auto catalog = TemplateCatalog::loadBuiltIn();
    QVERIFY(catalog.ok());
    m_catalog = std::move(*catalog);
}

QString TestVoiceRenderer::script(const QString &locale) const
{
    SecureBytes code(QByteArrayLiteral("123456"));
    MessageValues values{&code, QStringLiteral("Acme"), 10};
    auto rendered = m_catalog->render(Channel::Voice, locale, values);
    return rendered ? rendered->text : QString();
}

void TestVoiceRenderer::speaksEachLocalesVoiceScript_data()
{
    QTest::addColumn<QString>("locale");
    for (const QString &locale : VoiceRenderer::locales())
        QTest::newRow(qPrintable(locale)) << locale;
}

void TestVoiceRenderer::speaksEachLocalesVoiceScript()
{
    QFETCH(QString, locale);
    const QString text = script(locale);
    // The shipped script reads the code digit by digit, twice.
    QCOMPARE(text.count(QStringLiteral("1, 2, 3, 4, 5, 6")), 2);

    auto rendered = VoiceRenderer::renderWav(text, locale);
    QVERIFY2(rendered.ok(), rendered ? "" : qPrintable(rendered.error().toString()));
    const std::optional<Wav> wav = parseWav(*rendered);
    QVERIFY(wav);
    QCOMPARE(wav->format, 1); // PCM
    QCOMPARE(wav->channels, 1);
    QCOMPARE(wav->bitsPerSample, 16);
    QCOMPARE(wav->blockAlign, 2);
    QVERIFY2(wav->sampleRate >= 8000 && wav->sampleRate <= 48000,
             qPrintable(QString::number(wav->sampleRate)));
    QCOMPARE(wav->byteRate, wav->sampleRate * 2);
    QCOMPARE(rendered->size(), 44 + wav->data.size());

    // Six digits twice plus the rest of the script: seconds of speech, not a click or a hang.
    QVERIFY2(wav->seconds() >= 3 && wav->seconds() <= 60,
             qPrintable(QStringLiteral("%1 s").arg(wav->seconds())));
    // Speech, not silence: a good share of the samples is clearly audible.
    QVERIFY2(wav->loudShare(500) >= 0.2,
             qPrintable(QStringLiteral("%1 of the samples are audible").arg(wav->loudShare(500))));

    // The script speaks longer than the code alone: the whole script was read.
    auto codeOnly = VoiceRenderer::renderWav(QStringLiteral("1, 2, 3, 4, 5, 6."), locale);
    QVERIFY(codeOnly.ok());
    const std::optional<Wav> shortWav = parseWav(*codeOnly);
    QVERIFY(shortWav);
    QVERIFY(wav->seconds() > 2 * shortWav->seconds());
}

void TestVoiceRenderer::localesMapToVoices()
{
    QCOMPARE(VoiceRenderer::voiceFor(QStringLiteral("en")), QByteArray("en"));
    QCOMPARE(VoiceRenderer::voiceFor(QStringLiteral("nb")), QByteArray("nb"));
    QCOMPARE(VoiceRenderer::voiceFor(QStringLiteral("no")), QByteArray("nb"));
    QCOMPARE(VoiceRenderer::voiceFor(QStringLiteral("nb-NO")), QByteArray("nb"));
    QCOMPARE(VoiceRenderer::voiceFor(QStringLiteral("sv_SE")), QByteArray("sv"));
    QCOMPARE(VoiceRenderer::voiceFor(QStringLiteral("FI")), QByteArray("fi"));
    QCOMPARE(VoiceRenderer::voiceFor(QStringLiteral("de")), QByteArray());
}

void TestVoiceRenderer::refusesWhatItCannotSpeak()
{
    auto german =
        VoiceRenderer::renderWav(QStringLiteral("Ihr Code ist 1, 2, 3."), QStringLiteral("de"));
    QVERIFY(!german.ok());
    QCOMPARE(german.error().code, ErrorCode::InvalidArgument);
    QCOMPARE(german.error().field, QStringLiteral("locale"));

    auto empty = VoiceRenderer::renderWav(QStringLiteral("  "), QStringLiteral("en"));
    QVERIFY(!empty.ok());
    QCOMPARE(empty.error().field, QStringLiteral("script"));

    auto tooLong = VoiceRenderer::renderWav(QString(VoiceRenderer::MaxScriptCharacters + 1, u'a'),
                                            QStringLiteral("en"));
    QVERIFY(!tooLong.ok());
    QCOMPARE(tooLong.error().field, QStringLiteral("script"));
}

void TestVoiceRenderer::rendersFromSeveralThreadsAtOnce()
{
    // espeak-ng is one global engine: concurrent callers must each get their own whole script.
    // The scripts differ in length (one per locale), so mixed audio would show.
    const QStringList locales = VoiceRenderer::locales();
    QList<QByteArray> alone;
    for (const QString &locale : locales) {
        auto wav = VoiceRenderer::renderWav(script(locale), locale);
        QVERIFY(wav.ok());
        alone.append(*wav);
    }

    QList<QByteArray> together(locales.size());
    {
        std::vector<std::thread> threads;
        for (qsizetype i = 0; i < locales.size(); ++i) {
            const QString text = script(locales[i]);
            threads.emplace_back([&together, i, text, locale = locales[i]] {
                auto wav = VoiceRenderer::renderWav(text, locale);
                if (wav)
                    together[i] = *wav;
            });
        }
        for (std::thread &t : threads)
            t.join();
    }
    for (qsizetype i = 0; i < locales.size(); ++i) {
        const std::optional<Wav> single = parseWav(alone[i]);
        const std::optional<Wav> concurrent = parseWav(together[i]);
        QVERIFY2(single && concurrent, qPrintable(locales[i]));
        // espeak-ng varies an utterance's length a little from one run to the next (up to a
        // few hundred milliseconds seen on a loaded machine), but audio mixed with another
        // thread's script would be about twice as long, or cut short.
        const double ratio = double(concurrent->samples()) / double(single->samples());
        QVERIFY2(ratio > 0.9 && ratio < 1.1,
                 qPrintable(QStringLiteral("%1: %2 samples alone, %3 at once")
                                .arg(locales[i])
                                .arg(single->samples())
                                .arg(concurrent->samples())));
    }
}

QTEST_GUILESS_MAIN(TestVoiceRenderer)
#include "tst_voice_renderer.moc"
