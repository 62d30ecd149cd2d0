#include "delivery/VoiceRenderer.h"

#include <QtEndian>

#include <openssl/crypto.h>

#include <espeak-ng/espeak_ng.h>
#include <espeak-ng/speak_lib.h>
#include <mutex>
#include <vector>

namespace vc {

namespace {

// Digits read at a telephone pace: a little slower than espeak-ng's default of 175 words/min.
constexpr int WordsPerMinute = 150;

// The samples of the one synthesis running (under `engineLock`).
struct Collector
{
    std::vector<qint16> samples;
    size_t limit = 0;
    bool truncated = false;
};

std::mutex engineLock;
bool engineTried = false;
espeak_ng_STATUS engineStatus = ENS_NOT_INITIALIZED;
int sampleRate = 0;
Collector *current = nullptr;

int collect(short *wav, int count, espeak_EVENT *)
{
    if (!current || !wav || count <= 0)
        return 0;
    if (current->samples.size() + size_t(count) > current->limit) {
        current->truncated = true;
        return 1; // stop synthesis
    }
    current->samples.insert(current->samples.end(), wav, wav + count);
    return 0;
}

QString statusText(espeak_ng_STATUS status)
{
    char text[256] = {};
    espeak_ng_GetStatusCodeMessage(status, text, sizeof text);
    return QString::fromLocal8Bit(text);
}

// Initializes espeak-ng once per process (synchronous output into `collect`). Caller holds
// `engineLock`.
Status ensureEngine()
{
    if (!engineTried) {
        engineTried = true;
        espeak_ng_InitializePath(nullptr);
        espeak_ng_ERROR_CONTEXT context = nullptr;
        engineStatus = espeak_ng_Initialize(&context);
        espeak_ng_ClearErrorContext(&context);
        if (engineStatus == ENS_OK)
            engineStatus = espeak_ng_InitializeOutput(ENOUTPUT_MODE_SYNCHRONOUS, 0, nullptr);
        if (engineStatus == ENS_OK) {
            sampleRate = espeak_ng_GetSampleRate();
            espeak_SetSynthCallback(collect);
        }
    }
    if (engineStatus != ENS_OK)
        return Error::unavailable(
            QStringLiteral("espeak-ng cannot start (%1): is espeak-ng-data installed?")
                .arg(statusText(engineStatus)));
    return {};
}

void appendLe16(QByteArray &out, quint16 v)
{
    char b[2];
    qToLittleEndian(v, b);
    out.append(b, 2);
}

void appendLe32(QByteArray &out, quint32 v)
{
    char b[4];
    qToLittleEndian(v, b);
    out.append(b, 4);
}

// A canonical 44-byte RIFF/WAVE header and the samples as 16-bit little-endian PCM, mono.
QByteArray wavFile(const std::vector<qint16> &samples, int rate)
{
    const auto dataBytes = quint32(samples.size() * sizeof(qint16));
    QByteArray out;
    out.reserve(qsizetype(44 + dataBytes));
    out.append("RIFF", 4);
    appendLe32(out, 36 + dataBytes);
    out.append("WAVE", 4);
    out.append("fmt ", 4);
    appendLe32(out, 16);                // size of the fmt chunk
    appendLe16(out, 1);                 // PCM
    appendLe16(out, 1);                 // mono
    appendLe32(out, quint32(rate));     // samples per second
    appendLe32(out, quint32(rate) * 2); // bytes per second
    appendLe16(out, 2);                 // bytes per sample frame
    appendLe16(out, 16);                // bits per sample
    out.append("data", 4);
    appendLe32(out, dataBytes);
    for (qint16 s : samples)
        appendLe16(out, quint16(s));
    return out;
}

} // namespace

QStringList VoiceRenderer::locales()
{
    return {QStringLiteral("en"), QStringLiteral("nb"), QStringLiteral("sv"), QStringLiteral("da"),
            QStringLiteral("fi")};
}

QByteArray VoiceRenderer::voiceFor(const QString &locale)
{
    QString language = locale.section(u'-', 0, 0).section(u'_', 0, 0).toLower();
    if (language == QLatin1String("no"))
        language = QStringLiteral("nb");
    return locales().contains(language) ? language.toLatin1() : QByteArray();
}

Result<QByteArray> VoiceRenderer::renderWav(const QString &script, const QString &locale)
{
    const QByteArray voice = voiceFor(locale);
    if (voice.isEmpty())
        return Error::invalid(QStringLiteral("locale"),
                              QStringLiteral("no voice for locale \"%1\" (voices: %2)")
                                  .arg(locale, locales().join(QStringLiteral(", "))));
    if (script.trimmed().isEmpty())
        return Error::invalid(QStringLiteral("script"), QStringLiteral("nothing to say"));
    if (script.size() > MaxScriptCharacters)
        return Error::invalid(QStringLiteral("script"),
                              QStringLiteral("longer than %1 characters").arg(MaxScriptCharacters));

    std::lock_guard lock(engineLock);
    if (Status s = ensureEngine(); !s)
        return s.error();
    if (espeak_ng_STATUS s = espeak_ng_SetVoiceByName(voice.constData()); s != ENS_OK)
        return Error::unavailable(QStringLiteral("espeak-ng has no voice \"%1\" (%2)")
                                      .arg(QString::fromLatin1(voice), statusText(s)));
    espeak_ng_SetParameter(espeakRATE, WordsPerMinute, 0);

    Collector collector;
    collector.limit = size_t(sampleRate) * MaxSeconds;
    QByteArray text = script.toUtf8();
    current = &collector;
    espeak_ng_STATUS status =
        espeak_ng_Synthesize(text.constData(), size_t(text.size()) + 1, 0, POS_CHARACTER, 0,
                             espeakCHARS_UTF8, nullptr, nullptr);
    if (status == ENS_OK)
        status = espeak_ng_Synchronize();
    current = nullptr;
    // The script and its audio speak the code: wipe what this function owned.
    OPENSSL_cleanse(text.data(), size_t(text.size()));
    const auto wipeSamples = [&collector] {
        if (!collector.samples.empty())
            OPENSSL_cleanse(collector.samples.data(), collector.samples.size() * sizeof(qint16));
    };

    if (collector.truncated) {
        wipeSamples();
        return Error::invalid(QStringLiteral("script"),
                              QStringLiteral("speaks longer than %1 seconds").arg(MaxSeconds));
    }
    if (status != ENS_OK && status != ENS_SPEECH_STOPPED) {
        wipeSamples();
        return Error::unavailable(
            QStringLiteral("espeak-ng could not speak the script (%1)").arg(statusText(status)));
    }
    if (collector.samples.empty())
        return Error::unavailable(QStringLiteral("espeak-ng produced no audio"));
    QByteArray wav = wavFile(collector.samples, sampleRate);
    wipeSamples();
    return wav;
}

} // namespace vc
