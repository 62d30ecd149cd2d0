#include "delivery/HttpGatewaySettings.h"

#include <QJsonDocument>
#include <QRegularExpression>
#include <QUrl>

#include <algorithm>
#include <optional>

namespace vc {

namespace {

using Placeholder = HttpGatewayTemplate::Placeholder;
using Encoding = HttpGatewayTemplate::Encoding;

// Reads a JSON object's values, keeping the first error so the parser reads straight through.
class Reader
{
public:
    explicit Reader(const QJsonObject &object, QString prefix = {})
        : m_object(object)
        , m_prefix(std::move(prefix))
    {}

    QString string(const QString &key)
    {
        const QJsonValue v = m_object.value(key);
        if (v.isUndefined() || v.isNull())
            return {};
        if (!v.isString()) {
            fail(key, QStringLiteral("must be a string"));
            return {};
        }
        return v.toString();
    }

    int integer(const QString &key, int fallback, int min, int max)
    {
        const QJsonValue v = m_object.value(key);
        if (v.isUndefined() || v.isNull())
            return fallback;
        const double d = v.toDouble();
        if (!v.isDouble() || d < min || d > max || d != double(qint64(d))) {
            fail(key, QStringLiteral("must be a whole number from %1 to %2").arg(min).arg(max));
            return fallback;
        }
        return int(d);
    }

    bool boolean(const QString &key, bool fallback)
    {
        const QJsonValue v = m_object.value(key);
        if (v.isUndefined() || v.isNull())
            return fallback;
        if (!v.isBool())
            fail(key, QStringLiteral("must be true or false"));
        return v.toBool(fallback);
    }

    // Keys not in `known` are refused: a misspelt setting must not be ignored silently.
    void onlyKnown(const QStringList &known)
    {
        for (auto it = m_object.constBegin(); it != m_object.constEnd(); ++it)
            if (!known.contains(it.key()))
                fail(it.key(), QStringLiteral("unknown setting"));
    }

    void fail(const QString &key, const QString &message)
    {
        if (!m_error)
            m_error = Error::invalid(m_prefix + key, message);
    }
    const std::optional<Error> &error() const { return m_error; }

private:
    const QJsonObject &m_object;
    QString m_prefix;
    std::optional<Error> m_error;
};

bool hasControl(const QString &s)
{
    return std::any_of(s.cbegin(), s.cend(),
                       [](QChar c) { return c.unicode() < 0x20 || c.unicode() == 0x7f; });
}

bool isHeaderName(const QString &name)
{
    static const QRegularExpression re(QStringLiteral("^[!#$%&'*+.^_`|~0-9A-Za-z-]+$"));
    return re.match(name).hasMatch();
}

bool isDottedPath(const QString &path)
{
    static const QRegularExpression re(QStringLiteral("^[^.\\s]+(\\.[^.\\s]+)*$"));
    return re.match(path).hasMatch();
}

// Header names the provider sets itself or that belong to the transport.
bool reservedHeader(const QString &lowerName)
{
    static const QStringList names{QStringLiteral("host"),
                                   QStringLiteral("content-length"),
                                   QStringLiteral("transfer-encoding"),
                                   QStringLiteral("connection"),
                                   QStringLiteral("expect"),
                                   QStringLiteral("idempotency-key")};
    return names.contains(lowerName);
}

Result<QList<std::pair<QString, QString>>>
readHeaders(const QJsonValue &value, const QString &field, bool secret, bool authorizationAllowed)
{
    QList<std::pair<QString, QString>> out;
    if (value.isUndefined() || value.isNull())
        return out;
    if (!value.isObject())
        return Error::invalid(field, QStringLiteral("must be an object of header names to values"));
    const QJsonObject o = value.toObject();
    for (auto it = o.constBegin(); it != o.constEnd(); ++it) {
        const QString name = it.key();
        const QString lower = name.toLower();
        if (!isHeaderName(name))
            return Error::invalid(field, QStringLiteral("\"%1\" is not a header name").arg(name));
        if (reservedHeader(lower))
            return Error::invalid(field, QStringLiteral("the provider sets %1 itself").arg(name));
        if (lower == QLatin1String("authorization") && !authorizationAllowed)
            return Error::invalid(
                field, secret ? QStringLiteral("Authorization is set by auth: use auth \"none\" "
                                               "to send your own")
                              : QStringLiteral("credentials belong in the secrets: use auth, or "
                                               "a secret header"));
        if (!it.value().isString())
            return Error::invalid(field,
                                  QStringLiteral("the value of %1 must be a string").arg(name));
        const QString v = it.value().toString();
        if (hasControl(v))
            return Error::invalid(field, QStringLiteral("the value of %1 holds a line break or "
                                                        "another control character")
                                             .arg(name));
        out.append({name, v});
    }
    return out;
}

Status checkAuth(const HttpGatewaySettings &s)
{
    switch (s.auth) {
    case HttpGatewaySettings::Auth::None:
        return {};
    case HttpGatewaySettings::Auth::Bearer:
        if (s.token.isEmpty())
            return Error::invalid(QStringLiteral("token"),
                                  QStringLiteral("bearer auth needs a token"));
        if (hasControl(s.token) || s.token.contains(u' '))
            return Error::invalid(QStringLiteral("token"),
                                  QStringLiteral("holds spaces or control characters"));
        return {};
    case HttpGatewaySettings::Auth::Basic:
        if (s.username.isEmpty() || s.username.contains(u':') || hasControl(s.username))
            return Error::invalid(QStringLiteral("username"),
                                  QStringLiteral("basic auth needs a username without ':'"));
        if (s.password.isEmpty())
            return Error::invalid(QStringLiteral("password"),
                                  QStringLiteral("basic auth needs a password"));
        if (hasControl(s.password))
            return Error::invalid(QStringLiteral("password"),
                                  QStringLiteral("holds control characters"));
        return {};
    }
    return {};
}

Status checkUrl(const QString &url, const HttpGatewayTemplate &tokens)
{
    const QString field = QStringLiteral("url");
    if (url.isEmpty())
        return Error::invalid(field, QStringLiteral("is required"));
    const qsizetype schemeEnd = url.indexOf(QLatin1String("://"));
    const QString scheme = schemeEnd > 0 ? url.left(schemeEnd).toLower() : QString();
    if (scheme != QLatin1String("http") && scheme != QLatin1String("https"))
        return Error::invalid(field, QStringLiteral("must start with http:// or https://"));
    qsizetype authorityEnd = schemeEnd + 3;
    while (authorityEnd < url.size() && !QStringView(u"/?#").contains(url.at(authorityEnd)))
        ++authorityEnd;
    const QString authority = url.mid(schemeEnd + 3, authorityEnd - schemeEnd - 3);
    if (authority.contains(u'{') || authority.contains(u'}'))
        return Error::invalid(field, QStringLiteral("placeholders may appear in the path and "
                                                    "the query only, not in the host"));
    if (authority.contains(u'@'))
        return Error::invalid(
            field, QStringLiteral("credentials belong in auth and the secrets, not in the URL"));
    if (tokens.uses(Placeholder::AudioBase64))
        return Error::invalid(field, QStringLiteral("{audio_base64} belongs in the body"));
    const QUrl filled(tokens.fill(HttpGatewayTemplate::sampleValues(), Encoding::Percent),
                      QUrl::StrictMode);
    if (!filled.isValid())
        return Error::invalid(field,
                              QStringLiteral("is not a valid URL: %1").arg(filled.errorString()));
    if (filled.host().isEmpty())
        return Error::invalid(field, QStringLiteral("names no host"));
    return {};
}

Status checkBody(const HttpGatewaySettings &s, const HttpGatewayTemplate &tokens)
{
    const QString field = QStringLiteral("body_template");
    switch (s.bodyFormat) {
    case HttpGatewaySettings::BodyFormat::None:
        if (!s.bodyTemplate.isEmpty())
            return Error::invalid(field, QStringLiteral("body_format \"none\" sends no body"));
        return {};
    case HttpGatewaySettings::BodyFormat::Json: {
        if (s.bodyTemplate.trimmed().isEmpty())
            return Error::invalid(field, QStringLiteral("is required for a JSON body"));
        QJsonParseError error;
        QJsonDocument::fromJson(
            tokens.fill(HttpGatewayTemplate::sampleValues(), Encoding::JsonString).toUtf8(),
            &error);
        if (error.error != QJsonParseError::NoError)
            return Error::invalid(
                field, QStringLiteral("is not valid JSON once filled in (%1); placeholders go "
                                      "inside strings, e.g. \"to\": \"{to}\"")
                           .arg(error.errorString()));
        return {};
    }
    case HttpGatewaySettings::BodyFormat::Form: {
        if (s.bodyTemplate.isEmpty())
            return Error::invalid(field, QStringLiteral("is required for a form body"));
        if (std::any_of(s.bodyTemplate.cbegin(), s.bodyTemplate.cend(),
                        [](QChar c) { return c.isSpace() || c.unicode() < 0x20; }))
            return Error::invalid(field, QStringLiteral("a form body is key=value pairs joined "
                                                        "by &, URL-encoded: no spaces"));
        const QStringList pairs = s.bodyTemplate.split(u'&');
        for (const QString &pair : pairs)
            if (pair.indexOf(u'=') < 1)
                return Error::invalid(field,
                                      QStringLiteral("\"%1\" is not a key=value pair").arg(pair));
        return {};
    }
    }
    return {};
}

// Placeholders in the right places, and a request that names the recipient and carries the
// message.
Status checkTemplates(const HttpGatewaySettings &s)
{
    using AudioMode = HttpGatewaySettings::AudioMode;
    auto t = s.templates();
    if (!t)
        return t.error();
    if (Status st = checkUrl(s.url, t->url); !st)
        return st;
    for (const auto &header : t->headers)
        if (header.second.uses(Placeholder::AudioBase64))
            return Error::invalid(QStringLiteral("headers"),
                                  QStringLiteral("{audio_base64} belongs in the body"));
    if (Status st = checkBody(s, t->body); !st)
        return st;
    const bool audioInBody = t->body.uses(Placeholder::AudioBase64);
    if (s.audioMode == AudioMode::WavBase64 && !audioInBody)
        return Error::invalid(QStringLiteral("body_template"),
                              QStringLiteral("audio \"wav_base64\" sends the audio as "
                                             "{audio_base64} in the body"));
    if (s.audioMode == AudioMode::TextOnly && audioInBody)
        return Error::invalid(QStringLiteral("audio"),
                              QStringLiteral("{audio_base64} needs audio \"wav_base64\""));
    const QString where = s.bodyFormat == HttpGatewaySettings::BodyFormat::None
                              ? QStringLiteral("url")
                              : QStringLiteral("body_template");
    if (!t->uses(Placeholder::To))
        return Error::invalid(where,
                              QStringLiteral("the request must name the recipient: use {to}"));
    if (!t->uses(Placeholder::Message) && !t->uses(Placeholder::Code) && !audioInBody)
        return Error::invalid(where, QStringLiteral("the request must carry the message: use "
                                                    "{message}, {code} or {audio_base64}"));
    return {};
}

} // namespace

bool HttpGatewaySettings::Templates::uses(HttpGatewayTemplate::Placeholder p) const
{
    return url.uses(p) || body.uses(p) ||
           std::any_of(headers.cbegin(), headers.cend(),
                       [p](const auto &header) { return header.second.uses(p); });
}

Result<HttpGatewaySettings::Templates> HttpGatewaySettings::templates() const
{
    Templates t;
    auto parsedUrl = HttpGatewayTemplate::parse(url, QStringLiteral("url"));
    if (!parsedUrl)
        return parsedUrl.error();
    t.url = std::move(*parsedUrl);
    for (const auto &[name, value] : headers) {
        auto parsed = HttpGatewayTemplate::parse(value, QStringLiteral("headers"));
        if (!parsed)
            return parsed.error();
        t.headers.append({name, std::move(*parsed)});
    }
    auto parsedBody = HttpGatewayTemplate::parse(bodyTemplate, QStringLiteral("body_template"));
    if (!parsedBody)
        return parsedBody.error();
    t.body = std::move(*parsedBody);
    return t;
}

Result<HttpGatewaySettings> HttpGatewaySettings::fromJson(const QJsonObject &settings,
                                                          const QJsonObject &secrets)
{
    Reader in(settings);
    Reader secret(secrets, QStringLiteral("secrets."));
    in.onlyKnown({QStringLiteral("url"), QStringLiteral("method"), QStringLiteral("headers"),
                  QStringLiteral("auth"), QStringLiteral("username"), QStringLiteral("body_format"),
                  QStringLiteral("body_template"), QStringLiteral("success_min"),
                  QStringLiteral("success_max"), QStringLiteral("success_json_field"),
                  QStringLiteral("success_json_value"), QStringLiteral("message_id_json_field"),
                  QStringLiteral("timeout_ms"), QStringLiteral("verify_peer"),
                  QStringLiteral("audio")});
    secret.onlyKnown(
        {QStringLiteral("token"), QStringLiteral("password"), QStringLiteral("headers")});

    HttpGatewaySettings s;
    s.url = in.string(QStringLiteral("url")).trimmed();
    const QString method = in.string(QStringLiteral("method")).trimmed().toUpper();
    const QString auth = in.string(QStringLiteral("auth")).toLower();
    s.username = in.string(QStringLiteral("username"));
    const QString bodyFormat = in.string(QStringLiteral("body_format")).toLower();
    s.bodyTemplate = in.string(QStringLiteral("body_template"));
    s.successMin = in.integer(QStringLiteral("success_min"), 200, 100, 599);
    s.successMax = in.integer(QStringLiteral("success_max"), 299, 100, 599);
    s.successJsonField = in.string(QStringLiteral("success_json_field"));
    s.successJsonValue = in.string(QStringLiteral("success_json_value"));
    s.messageIdJsonField = in.string(QStringLiteral("message_id_json_field"));
    s.timeoutMs = in.integer(QStringLiteral("timeout_ms"), 10000, 100, 300000);
    s.verifyPeer = in.boolean(QStringLiteral("verify_peer"), true);
    const QString audio = in.string(QStringLiteral("audio")).toLower();
    s.token = secret.string(QStringLiteral("token"));
    s.password = secret.string(QStringLiteral("password"));
    if (in.error())
        return *in.error();
    if (secret.error())
        return *secret.error();

    if (method.isEmpty() || method == QLatin1String("POST") || method == QLatin1String("PUT") ||
        method == QLatin1String("GET"))
        s.method = method.isEmpty() ? QByteArrayLiteral("POST") : method.toLatin1();
    else
        return Error::invalid(QStringLiteral("method"), QStringLiteral("must be POST, PUT or GET"));

    if (auth.isEmpty() || auth == QLatin1String("none"))
        s.auth = Auth::None;
    else if (auth == QLatin1String("bearer"))
        s.auth = Auth::Bearer;
    else if (auth == QLatin1String("basic"))
        s.auth = Auth::Basic;
    else
        return Error::invalid(QStringLiteral("auth"),
                              QStringLiteral("must be \"none\", \"bearer\" or \"basic\""));
    if (Status st = checkAuth(s); !st)
        return st.error();

    auto headers = readHeaders(settings.value(QStringLiteral("headers")), QStringLiteral("headers"),
                               false, false);
    if (!headers)
        return headers.error();
    s.headers = std::move(*headers);
    auto secretHeaders = readHeaders(secrets.value(QStringLiteral("headers")),
                                     QStringLiteral("secrets.headers"), true, s.auth == Auth::None);
    if (!secretHeaders)
        return secretHeaders.error();
    s.secretHeaders = std::move(*secretHeaders);
    for (const auto &[secretName, value] : s.secretHeaders)
        for (const auto &plain : s.headers)
            if (plain.first.compare(secretName, Qt::CaseInsensitive) == 0)
                return Error::invalid(
                    QStringLiteral("headers"),
                    QStringLiteral("%1 is also a secret header").arg(plain.first));

    if (bodyFormat.isEmpty())
        s.bodyFormat = s.method == "GET" ? BodyFormat::None : BodyFormat::Json;
    else if (bodyFormat == QLatin1String("json"))
        s.bodyFormat = BodyFormat::Json;
    else if (bodyFormat == QLatin1String("form"))
        s.bodyFormat = BodyFormat::Form;
    else if (bodyFormat == QLatin1String("none"))
        s.bodyFormat = BodyFormat::None;
    else
        return Error::invalid(QStringLiteral("body_format"),
                              QStringLiteral("must be \"json\", \"form\" or \"none\""));
    if (s.method == "GET" && s.bodyFormat != BodyFormat::None)
        return Error::invalid(QStringLiteral("body_format"),
                              QStringLiteral("a GET request has no body: use \"none\""));

    if (s.successMax < s.successMin)
        return Error::invalid(QStringLiteral("success_max"),
                              QStringLiteral("must not be below success_min"));
    if (!s.successJsonField.isEmpty() && !isDottedPath(s.successJsonField))
        return Error::invalid(QStringLiteral("success_json_field"),
                              QStringLiteral("must be a dotted path such as \"status\" or "
                                             "\"result.state\""));
    if (s.successJsonField.isEmpty() && !s.successJsonValue.isEmpty())
        return Error::invalid(QStringLiteral("success_json_value"),
                              QStringLiteral("needs success_json_field"));
    if (!s.messageIdJsonField.isEmpty() && !isDottedPath(s.messageIdJsonField))
        return Error::invalid(QStringLiteral("message_id_json_field"),
                              QStringLiteral("must be a dotted path such as \"sid\" or "
                                             "\"messages.0.id\""));

    if (audio.isEmpty() || audio == QLatin1String("text"))
        s.audioMode = AudioMode::TextOnly;
    else if (audio == QLatin1String("wav_base64"))
        s.audioMode = AudioMode::WavBase64;
    else
        return Error::invalid(QStringLiteral("audio"),
                              QStringLiteral("must be \"text\" or \"wav_base64\""));

    if (Status st = checkTemplates(s); !st)
        return st.error();
    return s;
}

} // namespace vc
