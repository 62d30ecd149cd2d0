// Message templates as service administrators write them: validateTemplate, renderTemplate and
// TemplateCatalog::render with any template text and any values.
//
// Input: "<part>\n<ttl minutes>\n<code>\n<app name>\n<template text>", where part is sms, voice,
// email_subject, email_text or email_html (anything else picks one from the text's length); the
// template text is the rest of the input, newlines included.

#include "FuzzSupport.h"
#include "delivery/MessageTemplates.h"

#include <algorithm>
#include <optional>

using namespace vc;
using vc::fuzz::require;

namespace {

const TemplateCatalog *catalog()
{
    static const std::optional<TemplateCatalog> loaded = [] {
        auto c = TemplateCatalog::loadBuiltIn();
        require(c.ok(), "the shipped templates load");
        return std::optional<TemplateCatalog>(std::move(c).value());
    }();
    return &*loaded;
}

bool isValidCode(const QByteArray &code)
{
    if (code.isEmpty())
        return false;
    for (char b : code)
        if (b < '!' || b > '~')
            return false;
    return true;
}

int digits(const QByteArray &code)
{
    return int(
        std::count_if(code.cbegin(), code.cend(), [](char b) { return b >= '0' && b <= '9'; }));
}

// As ServiceRules accepts app_name: trimmed, 1 to 50 characters, no control characters.
bool isValidAppName(const QString &name)
{
    if (name.isEmpty() || name != name.trimmed() || name.size() > 50)
        return false;
    return std::none_of(name.cbegin(), name.cend(),
                        [](QChar c) { return c.category() == QChar::Other_Control; });
}

Channel channelOf(TemplatePart part)
{
    switch (part) {
    case TemplatePart::Sms:
        return Channel::Sms;
    case TemplatePart::Voice:
        return Channel::Voice;
    case TemplatePart::EmailSubject:
    case TemplatePart::EmailText:
    case TemplatePart::EmailHtml:
        break;
    }
    return Channel::Email;
}

// What {code} becomes in a part: spelled out for voice, HTML-escaped in e-mail HTML.
QString renderedCode(const QByteArray &code, TemplatePart part)
{
    QString out;
    for (char b : code) {
        if (part == TemplatePart::Voice && !out.isEmpty())
            out += QLatin1String(", ");
        if (part == TemplatePart::EmailHtml && QByteArrayView("&<>\"'").contains(b))
            return {}; // escaped: checked by the unit tests
        out += QLatin1Char(b);
    }
    return out;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 24000)
        return -1; // longer than any template may be
    const QList<QByteArray> f = vc::fuzz::splitLines(vc::fuzz::bytes(data, size), 5);
    const QString text = QString::fromUtf8(f.at(4));
    const TemplatePart part =
        templatePartFromName(QString::fromUtf8(f.at(0)))
            .value_or(allTemplateParts().at(int(size % allTemplateParts().size())));
    bool numberOk = false;
    const int ttl = f.at(1).toInt(&numberOk);
    const SecureBytes code(f.at(2));
    const MessageValues values{&code, QString::fromUtf8(f.at(3)), numberOk ? ttl : 5};
    const QString minuteWord = QStringLiteral("minutes");

    const Status valid = validateTemplate(part, text);
    Result<QString> rendered = renderTemplate(text, part, minuteWord, values);
    if (!valid)
        require(valid.error().field == QLatin1String("template"), "template errors name template");
    // Errors quote template text (an unknown placeholder), never the code.
    const QString codeText = QString::fromLatin1(code.bytes());
    if (!rendered && digits(code.bytes()) >= 2 && !text.contains(codeText))
        require(!rendered.error().toString().contains(codeText), "a render error quotes the code");

    // What validation accepts renders, for any code and any values a service can hold.
    const bool saneValues =
        isValidCode(code.bytes()) && values.ttlMinutes >= 1 && isValidAppName(values.appName);
    if (valid && saneValues) {
        require(rendered.ok(), "a valid template renders");
        if (part != TemplatePart::EmailSubject) {
            const QString shown = renderedCode(code.bytes(), part);
            require(shown.isEmpty() || rendered->contains(shown), "the message holds the code");
        } else {
            require(!rendered->contains(QChar(u'\n')), "a subject is one line");
        }
        // Values are escaped, so every markup character in the HTML comes from the template.
        if (part == TemplatePart::EmailHtml)
            for (QChar c : {u'<', u'>', u'"', u'\''})
                require(rendered->count(c) == text.count(c), "values are HTML-escaped");
    }
    if (rendered) {
        QString secret = std::move(rendered).value();
        cleanseString(secret);
    }

    // A service override goes through the catalogue: invalid overrides are refused when saved
    // (validateTemplate), so only valid ones reach render().
    if (valid && saneValues) {
        Result<RenderedMessage> message =
            catalog()->render(channelOf(part), QStringLiteral("nb"), values, {{part, text}});
        require(message.ok(), "a valid override renders in the catalogue");
        require(!message->text.isEmpty(), "a message has text");
        message->wipe();
        require(message->text.isEmpty() && message->html.isEmpty(), "wipe() empties the message");
    }
    return 0;
}
