#include "MessageTemplates.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <algorithm>

namespace vc {

namespace {

enum class Placeholder
{
    Code,
    AppName,
    TtlMinutes,
    Minutes
};

// A template is a run of literal text and placeholders. Literal views point into the template.
struct Token
{
    QStringView literal;
    std::optional<Placeholder> placeholder;
};

constexpr qsizetype MaxShortTemplate = 1600;  // SMS and voice
constexpr qsizetype MaxEmailTemplate = 20000; // e-mail parts
constexpr qsizetype MaxQuotedName = 40;       // how much of an unknown placeholder an error quotes

Error templateError(const QString &message)
{
    return Error::invalid(QStringLiteral("template"), message);
}

std::optional<Placeholder> placeholderFromName(QStringView name)
{
    if (name == u"code")
        return Placeholder::Code;
    if (name == u"app_name")
        return Placeholder::AppName;
    if (name == u"ttl_minutes")
        return Placeholder::TtlMinutes;
    if (name == u"minutes")
        return Placeholder::Minutes;
    return std::nullopt;
}

// Splits a template into tokens; "{{" and "}}" are literal braces.
Result<QList<Token>> tokenize(const QString &text)
{
    QList<Token> tokens;
    const QStringView all(text);
    qsizetype runStart = 0;
    auto flush = [&](qsizetype end) {
        if (end > runStart)
            tokens.append({all.sliced(runStart, end - runStart), std::nullopt});
    };
    for (qsizetype i = 0; i < all.size();) {
        const QChar c = all[i];
        if (c != u'{' && c != u'}') {
            ++i;
            continue;
        }
        const bool doubled = i + 1 < all.size() && all[i + 1] == c;
        if (doubled) {
            flush(i + 1); // keeps one brace of the pair
            i += 2;
            runStart = i;
            continue;
        }
        if (c == u'}')
            return templateError(QStringLiteral(
                "unbalanced braces: a } without a { (write }} for a literal brace)"));
        const qsizetype close = all.indexOf(u'}', i + 1);
        const qsizetype nextOpen = all.indexOf(u'{', i + 1);
        if (close < 0 || (nextOpen >= 0 && nextOpen < close))
            return templateError(QStringLiteral(
                "unbalanced braces: a { is never closed (write {{ for a literal brace)"));
        const QStringView name = all.sliced(i + 1, close - i - 1);
        const std::optional<Placeholder> placeholder = placeholderFromName(name);
        if (!placeholder) {
            QString quoted = name.left(MaxQuotedName).toString();
            if (name.size() > MaxQuotedName)
                quoted += QStringLiteral("...");
            return templateError(QStringLiteral("unknown placeholder {") + quoted +
                                 QStringLiteral("} (known: {code}, {app_name}, {ttl_minutes}, "
                                                "{minutes})"));
        }
        flush(i);
        tokens.append({{}, placeholder});
        i = close + 1;
        runStart = i;
    }
    flush(all.size());
    return tokens;
}

bool usesCode(const QList<Token> &tokens)
{
    return std::any_of(tokens.cbegin(), tokens.cend(),
                       [](const Token &t) { return t.placeholder == Placeholder::Code; });
}

void appendEscaped(QString &out, QChar c)
{
    switch (c.unicode()) {
    case u'&':
        out += QLatin1String("&amp;");
        break;
    case u'<':
        out += QLatin1String("&lt;");
        break;
    case u'>':
        out += QLatin1String("&gt;");
        break;
    case u'"':
        out += QLatin1String("&quot;");
        break;
    case u'\'':
        out += QLatin1String("&#39;");
        break;
    default:
        out += c;
    }
}

void appendValue(QString &out, QStringView value, bool html)
{
    if (!html) {
        out += value;
        return;
    }
    for (QChar c : value)
        appendEscaped(out, c);
}

constexpr qsizetype LongestEscape = 6; // "&quot;"

} // namespace

QString templatePartName(TemplatePart part)
{
    switch (part) {
    case TemplatePart::Sms:
        return QStringLiteral("sms");
    case TemplatePart::Voice:
        return QStringLiteral("voice");
    case TemplatePart::EmailSubject:
        return QStringLiteral("email_subject");
    case TemplatePart::EmailText:
        return QStringLiteral("email_text");
    case TemplatePart::EmailHtml:
        return QStringLiteral("email_html");
    }
    return {};
}

std::optional<TemplatePart> templatePartFromName(const QString &name)
{
    for (TemplatePart part : allTemplateParts())
        if (templatePartName(part) == name)
            return part;
    return std::nullopt;
}

QList<TemplatePart> allTemplateParts()
{
    return {TemplatePart::Sms, TemplatePart::Voice, TemplatePart::EmailSubject,
            TemplatePart::EmailText, TemplatePart::EmailHtml};
}

QList<TemplatePart> partsForChannel(Channel channel)
{
    switch (channel) {
    case Channel::Sms:
        return {TemplatePart::Sms};
    case Channel::Voice:
        return {TemplatePart::Voice};
    case Channel::Email:
        return {TemplatePart::EmailSubject, TemplatePart::EmailText, TemplatePart::EmailHtml};
    }
    return {};
}

void RenderedMessage::wipe()
{
    cleanseString(subject);
    cleanseString(text);
    cleanseString(html);
}

Status validateTemplate(TemplatePart part, const QString &text)
{
    if (text.trimmed().isEmpty())
        return templateError(QStringLiteral("the template is empty"));
    const bool email = part == TemplatePart::EmailSubject || part == TemplatePart::EmailText ||
                       part == TemplatePart::EmailHtml;
    const qsizetype limit = email ? MaxEmailTemplate : MaxShortTemplate;
    if (text.size() > limit)
        return templateError(
            QStringLiteral("the template is longer than %1 characters").arg(limit));
    const Result<QList<Token>> tokens = tokenize(text);
    if (!tokens)
        return tokens.error();
    if (part == TemplatePart::EmailSubject) {
        if (usesCode(*tokens))
            return templateError(QStringLiteral(
                "codes must not appear in e-mail subjects: subjects are shown in notifications, "
                "mail lists and server logs"));
        if (text.contains(u'\n') || text.contains(u'\r'))
            return templateError(QStringLiteral("an e-mail subject is one line"));
    } else if (!usesCode(*tokens)) {
        return templateError(QStringLiteral("the template must contain {code}"));
    }
    return {};
}

Result<QString> renderTemplate(const QString &text, TemplatePart part, const QString &minuteWord,
                               const MessageValues &values)
{
    const Result<QList<Token>> tokens = tokenize(text);
    if (!tokens)
        return tokens.error();
    const bool html = part == TemplatePart::EmailHtml;
    const bool spelled = part == TemplatePart::Voice;

    // Size the output once, generously: growing it would leave copies of the code in freed memory.
    const QString ttl = QString::number(values.ttlMinutes);
    const qsizetype escape = html ? LongestEscape : 1;
    qsizetype capacity = 0;
    for (const Token &t : *tokens) {
        if (!t.placeholder) {
            capacity += t.literal.size();
            continue;
        }
        switch (*t.placeholder) {
        case Placeholder::Code:
            if (part == TemplatePart::EmailSubject)
                return templateError(QStringLiteral("codes must not appear in e-mail subjects"));
            if (!values.code || values.code->isEmpty())
                return Error::internal(QStringLiteral("no code given to render {code}"));
            capacity += values.code->size() * (spelled ? 3 : escape);
            break;
        case Placeholder::AppName:
            capacity += values.appName.size() * escape;
            break;
        case Placeholder::TtlMinutes:
        case Placeholder::Minutes:
            if (values.ttlMinutes < 1)
                return Error::invalid(QStringLiteral("ttl_minutes"),
                                      QStringLiteral("must be at least 1"));
            capacity += ttl.size() + minuteWord.size() * escape;
            break;
        }
    }
    if (values.code) {
        for (char b : values.code->bytes())
            if (b < '!' || b > '~')
                return Error::invalid(QStringLiteral("code"),
                                      QStringLiteral("codes are printable ASCII characters"));
    }

    QString out;
    out.reserve(capacity);
    for (const Token &t : *tokens) {
        if (!t.placeholder) {
            out += t.literal;
            continue;
        }
        switch (*t.placeholder) {
        case Placeholder::Code: {
            bool first = true;
            for (char b : values.code->bytes()) {
                if (spelled && !first)
                    out += QLatin1String(", ");
                first = false;
                if (html)
                    appendEscaped(out, QLatin1Char(b));
                else
                    out += QLatin1Char(b);
            }
            break;
        }
        case Placeholder::AppName:
            appendValue(out, values.appName, html);
            break;
        case Placeholder::TtlMinutes:
            out += ttl;
            break;
        case Placeholder::Minutes:
            appendValue(out, minuteWord, html);
            break;
        }
    }
    Q_ASSERT(out.size() <= capacity);
    return out;
}

namespace {

Error fileError(const QString &file, const QString &key, const QString &message)
{
    QString where = file;
    if (!key.isEmpty())
        where += QStringLiteral(": key \"") + key + u'"';
    return templateError(where + QStringLiteral(": ") + message);
}

Result<LocaleTemplates> parseLocaleFile(const QString &path, const QString &locale)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fileError(path, {}, QStringLiteral("cannot read: ") + file.errorString());
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return fileError(path, {},
                         QStringLiteral("malformed JSON at offset %1: %2")
                             .arg(parseError.offset)
                             .arg(parseError.errorString()));
    if (!doc.isObject())
        return fileError(path, {}, QStringLiteral("the file must hold one JSON object"));
    const QJsonObject root = doc.object();

    QSet<QString> known{QStringLiteral("locale"), QStringLiteral("minute")};
    for (TemplatePart part : allTemplateParts())
        known.insert(templatePartName(part));
    for (auto it = root.constBegin(); it != root.constEnd(); ++it)
        if (!known.contains(it.key()))
            return fileError(path, it.key(), QStringLiteral("unknown key"));

    LocaleTemplates t;
    const QString key = QStringLiteral("locale");
    t.locale = root.value(key).toString();
    if (t.locale != locale)
        return fileError(path, key, QStringLiteral("must be \"%1\"").arg(locale));

    const QJsonObject minute = root.value(QStringLiteral("minute")).toObject();
    t.minuteOne = minute.value(QStringLiteral("one")).toString().trimmed();
    t.minuteOther = minute.value(QStringLiteral("other")).toString().trimmed();
    if (t.minuteOne.isEmpty() || t.minuteOther.isEmpty())
        return fileError(path, QStringLiteral("minute"),
                         QStringLiteral("needs the words \"one\" and \"other\""));

    for (TemplatePart part : allTemplateParts()) {
        const QString name = templatePartName(part);
        const QJsonValue value = root.value(name);
        if (!value.isString())
            return fileError(path, name, QStringLiteral("missing, or not a string"));
        const QString text = value.toString();
        if (Status valid = validateTemplate(part, text); !valid)
            return fileError(path, name, valid.error().message);
        t.parts.insert(part, text);
    }
    return t;
}

} // namespace

Result<TemplateCatalog> TemplateCatalog::loadBuiltIn()
{
    return loadFromDirectory(QStringLiteral(":/templates"));
}

Result<TemplateCatalog> TemplateCatalog::loadFromDirectory(const QString &dir)
{
    TemplateCatalog catalog;
    for (const QString &locale : supportedLocales()) {
        Result<LocaleTemplates> t =
            parseLocaleFile(dir + u'/' + locale + QStringLiteral(".json"), locale);
        if (!t)
            return t.error();
        catalog.m_locales.insert(locale, std::move(t).value());
    }
    return catalog;
}

const LocaleTemplates *TemplateCatalog::locale(const QString &locale) const
{
    const std::optional<QString> normalised = normalizeLocale(locale);
    if (!normalised)
        return nullptr;
    const auto it = m_locales.constFind(*normalised);
    return it == m_locales.cend() ? nullptr : &*it;
}

QString TemplateCatalog::builtIn(const QString &locale, TemplatePart part) const
{
    const LocaleTemplates *t = this->locale(locale);
    if (!t)
        t = this->locale(QStringLiteral("en"));
    return t ? t->parts.value(part) : QString();
}

Result<RenderedMessage> TemplateCatalog::render(Channel channel, const QString &locale,
                                                const MessageValues &values,
                                                const QHash<TemplatePart, QString> &overrides) const
{
    const LocaleTemplates *t = this->locale(locale);
    if (!t)
        t = this->locale(QStringLiteral("en"));
    if (!t)
        return Error::internal(QStringLiteral("no message templates are loaded"));
    const QString &minuteWord = values.ttlMinutes == 1 ? t->minuteOne : t->minuteOther;

    RenderedMessage message;
    for (TemplatePart part : partsForChannel(channel)) {
        // An empty override means "use the shipped text", so a cleared field never sends an
        // empty message.
        const QString replacement = overrides.value(part);
        const QString text = replacement.isEmpty() ? t->parts.value(part) : replacement;
        Result<QString> rendered = renderTemplate(text, part, minuteWord, values);
        if (!rendered) {
            message.wipe();
            return rendered.error();
        }
        switch (part) {
        case TemplatePart::EmailSubject:
            message.subject = std::move(rendered).value();
            break;
        case TemplatePart::EmailHtml:
            message.html = std::move(rendered).value();
            break;
        case TemplatePart::Sms:
        case TemplatePart::Voice:
        case TemplatePart::EmailText:
            message.text = std::move(rendered).value();
            break;
        }
    }
    return message;
}

} // namespace vc
