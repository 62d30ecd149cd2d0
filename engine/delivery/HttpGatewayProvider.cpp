#include "delivery/HttpGatewayProvider.h"

#include "crypto/SecureBytes.h"
#include "delivery/VoiceRenderer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QUrl>

#include <curl/curl.h>
#include <openssl/crypto.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <mutex>
#include <optional>

namespace vc {

namespace {

using Placeholder = HttpGatewayTemplate::Placeholder;
using Encoding = HttpGatewayTemplate::Encoding;

// --- replies -----------------------------------------------------------------------------------

std::optional<QJsonValue> lookup(const QJsonDocument &doc, const QString &path)
{
    QJsonValue v = doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
    for (const QString &part : path.split(u'.')) {
        if (v.isObject()) {
            const QJsonObject o = v.toObject();
            if (!o.contains(part))
                return std::nullopt;
            v = o.value(part);
        } else if (v.isArray()) {
            bool ok = false;
            const int index = part.toInt(&ok);
            const QJsonArray a = v.toArray();
            if (!ok || index < 0 || index >= a.size())
                return std::nullopt;
            v = a.at(index);
        } else {
            return std::nullopt;
        }
    }
    return v;
}

QString scalarText(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::String:
        return v.toString();
    case QJsonValue::Bool:
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double: {
        const double d = v.toDouble();
        if (d == double(qint64(d)))
            return QString::number(qint64(d));
        return QString::number(d);
    }
    case QJsonValue::Null:
        return QStringLiteral("null");
    default:
        return QString::fromUtf8(
            QJsonDocument(v.isArray() ? QJsonDocument(v.toArray()) : QJsonDocument(v.toObject()))
                .toJson(QJsonDocument::Compact));
    }
}

bool truthy(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return false;
    case QJsonValue::Bool:
        return v.toBool();
    case QJsonValue::String:
        return !v.toString().isEmpty();
    default:
        return true;
    }
}

// What must never appear in an error text, longest first.
QStringList scrubList(const HttpGatewaySettings &s, const HttpGatewayValues &v)
{
    QStringList out{s.token, s.password, v.to, v.code, v.message};
    if (!s.password.isEmpty())
        out.append(QString::fromLatin1((s.username + u':' + s.password).toUtf8().toBase64()));
    for (const auto &header : s.secretHeaders)
        out.append(header.second);
    if (v.to.startsWith(u'+'))
        out.append(v.to.mid(1));
    if (v.to.contains(u'@'))
        out.append(v.to.section(u'@', 0, 0));
    // The code inside the message: an alphanumeric code (digits are masked anyway), as written
    // or read out one character at a time.
    static const QRegularExpression codeLike(
        QStringLiteral("(?<![0-9A-Za-z])[0-9A-Z]{4,}(?![0-9A-Za-z])|[0-9A-Z](?:, [0-9A-Z]){3,}"));
    for (auto it = codeLike.globalMatch(v.message); it.hasNext();)
        out.append(it.next().captured());
    out.removeAll(QString());
    std::sort(out.begin(), out.end(),
              [](const QString &a, const QString &b) { return a.size() > b.size(); });
    return out;
}

// A short, safe excerpt of a reply for the event log: secrets and the recipient scrubbed, every
// digit masked (a code or a number could be echoed in any form), one line.
QString excerpt(const QByteArray &reply, const QStringList &scrub)
{
    QString text = QString::fromUtf8(reply.left(4096));
    for (const QString &secret : scrub)
        text.replace(secret, QStringLiteral("***"));
    for (QChar &c : text) {
        if (c.isDigit())
            c = u'#';
        else if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            c = u' ';
    }
    text = text.simplified();
    if (text.size() > HttpGatewayProvider::MaxExcerpt)
        text = text.left(HttpGatewayProvider::MaxExcerpt) + QStringLiteral("…");
    return text;
}

void wipeBytes(QByteArray &b)
{
    if (!b.isEmpty())
        OPENSSL_cleanse(b.data(), size_t(b.size()));
    b.clear();
}

// --- libcurl -----------------------------------------------------------------------------------

void initCurlOnce()
{
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

struct EasyDeleter
{
    void operator()(CURL *h) const { curl_easy_cleanup(h); }
};
using EasyHandle = std::unique_ptr<CURL, EasyDeleter>;

// Header lines hold credentials and may hold the recipient: wiped before they are freed.
struct SlistDeleter
{
    void operator()(curl_slist *list) const
    {
        for (curl_slist *node = list; node; node = node->next)
            if (node->data)
                OPENSSL_cleanse(node->data, strlen(node->data));
        curl_slist_free_all(list);
    }
};
using Slist = std::unique_ptr<curl_slist, SlistDeleter>;

constexpr qsizetype MaxReplyBytes = 64 * 1024;

size_t collectReply(char *data, size_t size, size_t count, void *userdata)
{
    auto *reply = static_cast<QByteArray *>(userdata);
    const size_t n = size * count;
    const qsizetype room = MaxReplyBytes - reply->size();
    if (room > 0)
        reply->append(data, qMin<qsizetype>(room, qsizetype(n)));
    return n; // the rest is read and dropped
}

struct Exchange
{
    CURLcode result = CURLE_OK;
    long status = 0;
    QByteArray reply;
};

Exchange perform(const HttpGatewayRequest &request, const HttpGatewaySettings &s)
{
    initCurlOnce();
    Exchange ex;
    EasyHandle handle(curl_easy_init());
    if (!handle) {
        ex.result = CURLE_FAILED_INIT;
        return ex;
    }
    CURL *h = handle.get();
    Slist headers;
    for (const auto &[name, value] : request.headers) {
        QByteArray line = name + ": " + value;
        curl_slist *appended = curl_slist_append(headers.get(), line.constData());
        wipeBytes(line);
        if (!appended) {
            ex.result = CURLE_OUT_OF_MEMORY;
            return ex;
        }
        (void)headers.release();
        headers.reset(appended);
    }
    // No "Expect: 100-continue" round trip for larger bodies.
    if (curl_slist *appended = curl_slist_append(headers.get(), "Expect:")) {
        (void)headers.release();
        headers.reset(appended);
    }

    curl_easy_setopt(h, CURLOPT_URL, request.url.constData());
    curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L); // worker threads: no SIGALRM for DNS timeouts
    curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, long(s.timeoutMs));
    curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, long(s.timeoutMs));
    curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, s.verifyPeer ? 1L : 0L);
    curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, s.verifyPeer ? 2L : 0L);
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, headers.get());
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, collectReply);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, &ex.reply);
    if (request.method == "GET") {
        curl_easy_setopt(h, CURLOPT_HTTPGET, 1L);
    } else {
        curl_easy_setopt(h, CURLOPT_POST, 1L);
        curl_easy_setopt(h, CURLOPT_POSTFIELDS, request.body.constData());
        curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(request.body.size()));
        if (request.method != "POST")
            curl_easy_setopt(h, CURLOPT_CUSTOMREQUEST, request.method.constData());
    }
    ex.result = curl_easy_perform(h);
    if (ex.result == CURLE_OK)
        curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &ex.status);
    return ex;
}

QString hostOf(const QByteArray &url)
{
    return QUrl::fromEncoded(url).host();
}

SendOutcome transportFailure(CURLcode code, const HttpGatewaySettings &s, const QString &host)
{
    const QString reason = QString::fromLatin1(curl_easy_strerror(code));
    switch (code) {
    case CURLE_OPERATION_TIMEDOUT:
        return {SendOutcome::Kind::TemporaryFailure,
                {},
                QStringLiteral("HTTP gateway: %1 did not answer within %2 ms")
                    .arg(host)
                    .arg(s.timeoutMs)};
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_URL_MALFORMAT:
    case CURLE_UNSUPPORTED_PROTOCOL:
        return {SendOutcome::Kind::PermanentFailure,
                {},
                QStringLiteral("HTTP gateway: cannot use %1 (%2)").arg(host, reason)};
    default:
        return {SendOutcome::Kind::TemporaryFailure,
                {},
                QStringLiteral("HTTP gateway: cannot reach %1 (%2)").arg(host, reason)};
    }
}

SendOutcome interpret(const Exchange &ex, const HttpGatewaySettings &s, const QStringList &scrub)
{
    const int status = int(ex.status);
    const bool inRange = status >= s.successMin && status <= s.successMax;
    if (!inRange) {
        const bool temporary = status == 408 || status == 429 || status >= 500;
        return {temporary ? SendOutcome::Kind::TemporaryFailure
                          : SendOutcome::Kind::PermanentFailure,
                {},
                QStringLiteral("HTTP gateway: HTTP %1%2")
                    .arg(status)
                    .arg(ex.reply.isEmpty() ? QString()
                                            : QStringLiteral(": ") + excerpt(ex.reply, scrub))};
    }

    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(ex.reply, &parseError);
    const bool json = parseError.error == QJsonParseError::NoError;
    if (!s.successJsonField.isEmpty()) {
        const auto value = json ? lookup(doc, s.successJsonField) : std::nullopt;
        const bool ok =
            value && (s.successJsonValue.isEmpty() ? truthy(*value)
                                                   : scalarText(*value) == s.successJsonValue);
        if (!ok) {
            const QString rule =
                s.successJsonValue.isEmpty()
                    ? QStringLiteral("\"%1\" set").arg(s.successJsonField)
                    : QStringLiteral("\"%1\": \"%2\"").arg(s.successJsonField, s.successJsonValue);
            return {SendOutcome::Kind::PermanentFailure,
                    {},
                    QStringLiteral("HTTP gateway: HTTP %1, but the reply %2: %3")
                        .arg(QString::number(status),
                             json ? QStringLiteral("does not have ") + rule
                                  : QStringLiteral("is not JSON"),
                             excerpt(ex.reply, scrub))};
        }
    }
    QString messageId;
    if (!s.messageIdJsonField.isEmpty() && json) {
        if (const auto value = lookup(doc, s.messageIdJsonField);
            value && !value->isNull() && !value->isObject() && !value->isArray())
            messageId = scalarText(*value).left(256);
    }
    return {SendOutcome::Kind::Accepted, messageId, {}};
}

} // namespace

void HttpGatewayRequest::wipe()
{
    wipeBytes(url);
    for (auto &header : headers)
        wipeBytes(header.second);
    headers.clear();
    wipeBytes(body);
}

HttpGatewayProvider::HttpGatewayProvider(QString name, HttpGatewaySettings settings)
    : m_name(std::move(name))
    , m_settings(std::move(settings))
{}

Result<HttpGatewayRequest> HttpGatewayProvider::buildRequest(const HttpGatewaySettings &s,
                                                             const HttpGatewayValues &values)
{
    auto templates = s.templates();
    if (!templates)
        return templates.error();
    if (templates->uses(Placeholder::Code) && values.code.isEmpty())
        return Error::invalid(QStringLiteral("code"),
                              QStringLiteral("the template uses {code}, but this delivery "
                                             "carries the code only inside {message}"));

    HttpGatewayRequest r;
    r.method = s.method;
    QString url = templates->url.fill(values, Encoding::Percent);
    const QUrl parsedUrl(url, QUrl::StrictMode);
    cleanseString(url);
    if (!parsedUrl.isValid() || parsedUrl.host().isEmpty())
        return Error::invalid(QStringLiteral("url"),
                              QStringLiteral("is not a valid URL once filled in"));
    r.url = parsedUrl.toEncoded();

    bool hasContentType = false;
    bool hasAccept = false;
    const auto add = [&r, &hasContentType, &hasAccept](const QString &name, QString value) {
        const QString lower = name.toLower();
        hasContentType = hasContentType || lower == QLatin1String("content-type");
        hasAccept = hasAccept || lower == QLatin1String("accept");
        r.headers.append({name.toLatin1(), value.toUtf8()});
        cleanseString(value);
    };
    for (const auto &[name, tokens] : templates->headers)
        add(name, tokens.fill(values, Encoding::HeaderValue));
    for (const auto &[name, value] : s.secretHeaders)
        add(name, value);
    switch (s.auth) {
    case HttpGatewaySettings::Auth::None:
        break;
    case HttpGatewaySettings::Auth::Bearer:
        add(QStringLiteral("Authorization"), QStringLiteral("Bearer ") + s.token);
        break;
    case HttpGatewaySettings::Auth::Basic: {
        QByteArray credentials = (s.username + u':' + s.password).toUtf8();
        add(QStringLiteral("Authorization"),
            QStringLiteral("Basic ") + QString::fromLatin1(credentials.toBase64()));
        wipeBytes(credentials);
        break;
    }
    }
    add(QStringLiteral("Idempotency-Key"), values.idempotencyKey);
    if (!hasAccept)
        add(QStringLiteral("Accept"), QStringLiteral("application/json"));
    if (!hasContentType && s.bodyFormat == HttpGatewaySettings::BodyFormat::Json)
        add(QStringLiteral("Content-Type"), QStringLiteral("application/json"));
    if (!hasContentType && s.bodyFormat == HttpGatewaySettings::BodyFormat::Form)
        add(QStringLiteral("Content-Type"), QStringLiteral("application/x-www-form-urlencoded"));
    r.headers.append({QByteArrayLiteral("User-Agent"), QByteArrayLiteral("VerifyConsole")});

    if (s.bodyFormat != HttpGatewaySettings::BodyFormat::None) {
        QString body = templates->body.fill(
            values, s.bodyFormat == HttpGatewaySettings::BodyFormat::Json ? Encoding::JsonString
                                                                          : Encoding::Percent);
        r.body = body.toUtf8();
        cleanseString(body);
    }
    return r;
}

SendOutcome HttpGatewayProvider::send(const OutgoingMessage &message)
{
    return sendWithCode(message, nullptr);
}

SendOutcome HttpGatewayProvider::sendWithCode(const OutgoingMessage &message,
                                              const SecureBytes *code)
{
    HttpGatewayValues values;
    values.to = message.recipient;
    if (code)
        values.code = code->toUtf8String();
    values.message = message.message.text;
    values.sessionId = message.sessionId;
    values.locale = message.locale;
    values.channel = channelName(message.channel);
    values.idempotencyKey = message.idempotencyKey;

    const auto fail = [&values](SendOutcome::Kind kind, const QString &error) {
        values.wipe();
        return SendOutcome{kind, {}, error};
    };
    if (m_settings.audioMode == HttpGatewaySettings::AudioMode::WavBase64) {
        auto wav = VoiceRenderer::renderWav(message.message.text, message.locale);
        if (!wav)
            return fail(wav.error().code == ErrorCode::Unavailable
                            ? SendOutcome::Kind::TemporaryFailure
                            : SendOutcome::Kind::PermanentFailure,
                        QStringLiteral("HTTP gateway: no audio: %1").arg(wav.error().toString()));
        values.audioBase64 = wav->toBase64();
        wipeBytes(*wav);
    }

    auto request = buildRequest(m_settings, values);
    if (!request)
        return fail(SendOutcome::Kind::PermanentFailure,
                    QStringLiteral("HTTP gateway: %1").arg(request.error().toString()));
    const QString host = hostOf(request->url);
    Exchange ex = perform(*request, m_settings);
    request->wipe();
    SendOutcome outcome;
    if (ex.result == CURLE_OK) {
        QStringList scrub = scrubList(m_settings, values);
        outcome = interpret(ex, m_settings, scrub);
        for (QString &secret : scrub)
            cleanseString(secret);
    } else {
        outcome = transportFailure(ex.result, m_settings, host);
    }
    wipeBytes(ex.reply);
    values.wipe();
    return outcome;
}

} // namespace vc
