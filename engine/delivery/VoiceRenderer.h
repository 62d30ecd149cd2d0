#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace vc {

// Speaks a voice script (the rendered "voice" template, which reads the code digit by digit,
// twice) with espeak-ng, for gateways that take audio instead of text.
//
// espeak-ng is one global engine per process and not thread-safe: every call here is serialized
// on one lock, and the engine is initialized once, on first use, and kept.
class VoiceRenderer
{
public:
    // The locales with a voice: en, nb, sv, da, fi.
    static QStringList locales();
    // The espeak-ng voice for a locale ("nb", "no" and "nb-NO" are Norwegian Bokmål), or an
    // empty string when there is none.
    static QByteArray voiceFor(const QString &locale);

    // A WAV file (RIFF/WAVE, 16-bit PCM, mono, at espeak-ng's sample rate) of `script` read in
    // the voice of `locale`. Errors: an unsupported locale or an empty or over-long script
    // (InvalidArgument, field "locale" or "script"); espeak-ng or its data not usable
    // (Unavailable). The audio speaks the code: handle the bytes as a secret.
    static Result<QByteArray> renderWav(const QString &script, const QString &locale);

    static constexpr qsizetype MaxScriptCharacters = 4000;
    static constexpr int MaxSeconds = 300;
};

} // namespace vc
