#pragma once

#include "core/Domain.h"
#include "core/Result.h"
#include "crypto/SecureBytes.h"

#include <QHash>
#include <QString>

namespace vc {

// The parts of a message a template can define.
enum class TemplatePart
{
    Sms,
    Voice,
    EmailSubject,
    EmailText,
    EmailHtml
};
QString templatePartName(TemplatePart part);
std::optional<TemplatePart> templatePartFromName(const QString &name);
QList<TemplatePart> allTemplateParts();
// The parts a channel's message is made of (sms: Sms; voice: Voice; email: subject, text, html).
QList<TemplatePart> partsForChannel(Channel channel);

// The shipped messages of one locale plus its word for "minute" (singular, plural).
struct LocaleTemplates
{
    QString locale;
    QString minuteOne;
    QString minuteOther;
    QHash<TemplatePart, QString> parts;
};

// Placeholders: {code}, {app_name}, {ttl_minutes}, and {minutes} (the locale's word for
// "minute" agreeing with ttl_minutes). In voice text {code} is read character by character
// ("1, 2, 3, 4"); in e-mail HTML every value is HTML-escaped. Unknown placeholders are errors.
struct MessageValues
{
    const SecureBytes *code = nullptr; // the plaintext code; never copied into logs
    QString appName;
    int ttlMinutes = 0;
};

struct RenderedMessage
{
    QString subject; // e-mail only
    QString text;    // SMS text, voice script, or e-mail text part: holds the code (secret)
    QString html;    // e-mail only
    void wipe();     // overwrites the strings' buffers
};

class TemplateCatalog
{
public:
    // Loads resources/templates/<locale>.json for every supported locale from the resource
    // system (":/templates/"). Fails when a shipped file is missing or malformed.
    static Result<TemplateCatalog> loadBuiltIn();
    // Same, from a directory (for tests and for deployments that override the shipped texts).
    static Result<TemplateCatalog> loadFromDirectory(const QString &dir);

    const LocaleTemplates *locale(const QString &locale) const;
    QString builtIn(const QString &locale, TemplatePart part) const;

    // Renders the parts of `channel` in `locale`. `overrides` (per service) replace shipped parts
    // by name (an empty override keeps the shipped text); a missing locale falls back to "en".
    Result<RenderedMessage> render(Channel channel, const QString &locale,
                                   const MessageValues &values,
                                   const QHash<TemplatePart, QString> &overrides = {}) const;

private:
    QHash<QString, LocaleTemplates> m_locales;
};

// Checks a template text for a service override: known placeholders only, balanced braces,
// {code} present, except in EmailSubject, which must not hold it (subjects show in notifications
// and server logs) and must be one line; at most 1600 characters for SMS/voice and 20000 for
// e-mail parts. The error names field "template".
Status validateTemplate(TemplatePart part, const QString &text);

// Renders one template text (no validation beyond unknown placeholders and unbalanced braces;
// {code} in an EmailSubject is refused here too).
Result<QString> renderTemplate(const QString &text, TemplatePart part, const QString &minuteWord,
                               const MessageValues &values);

} // namespace vc
