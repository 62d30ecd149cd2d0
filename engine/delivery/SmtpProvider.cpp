#include "delivery/SmtpProvider.h"

#include "core/Logging.h"
#include "core/Recipient.h"
#include "crypto/Random.h"
#include "crypto/SecureBytes.h"

#include <QFileInfo>
#include <QJsonValue>
#include <QUrl>
#include <QUuid>

#include <curl/curl.h>
#include <openssl/crypto.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <mutex>

namespace vc {

namespace {

constexpr int DefaultTimeoutMs = 15000;
constexpr int MinTimeoutMs = 1000;
constexpr int MaxTimeoutMs = 300000;
constexpr qsizetype MaxFromName = 200;
constexpr qsizetype MaxHost = 253;
constexpr int QpLineLimit = 76;            // RFC 2045: encoded lines of at most 76 characters
constexpr qsizetype WordPayloadBytes = 39; // one encoded word stays within a 78-column line

// --- settings ------------------------------------------------------------------------------

Error invalid(const char *field, const QString &message)
{
    return Error::invalid(QString::fromLatin1(field), message);
}

std::optional<SmtpSettings::Security> securityFromName(const QString &name)
{
    if (name == u"none")
        return SmtpSettings::Security::None;
    if (name == u"starttls")
        return SmtpSettings::Security::StartTls;
    if (name == u"tls")
        return SmtpSettings::Security::ImplicitTls;
    return std::nullopt;
}

int defaultPort(SmtpSettings::Security security)
{
    switch (security) {
    case SmtpSettings::Security::None:
        return 25;
    case SmtpSettings::Security::StartTls:
        return 587;
    case SmtpSettings::Security::ImplicitTls:
        return 465;
    }
    return 587;
}

bool hasControlCharacters(const QString &s)
{
    return std::any_of(s.cbegin(), s.cend(), [](QChar c) {
        return c.unicode() < 0x20 || c.unicode() == 0x7f || c.category() == QChar::Other_Control;
    });
}

// A host name or IP address literal as a URL can carry it: no spaces, slashes, '@' or ':'
// (except in an IPv6 address).
bool plausibleHost(const QString &host)
{
    if (host.isEmpty() || host.size() > MaxHost || hasControlCharacters(host))
        return false;
    for (QChar c : host) {
        if (c.isSpace() || c == u'/' || c == u'@' || c == u'?' || c == u'#' || c == u'[' ||
            c == u']' || c == u'\\')
            return false;
    }
    if (host.contains(u':'))
        return QUrl(QStringLiteral("smtp://[%1]/").arg(host), QUrl::StrictMode).isValid();
    return QUrl(QStringLiteral("smtp://%1/").arg(host), QUrl::StrictMode).isValid();
}

Result<QString> optionalString(const QJsonObject &o, const char *key)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isUndefined() || v.isNull())
        return QString();
    if (!v.isString())
        return invalid(key, QStringLiteral("must be a string"));
    return v.toString();
}

// --- message composition -------------------------------------------------------------------

bool isPrintableAscii(const QString &s)
{
    return std::all_of(s.cbegin(), s.cend(),
                       [](QChar c) { return c.unicode() >= 0x20 && c.unicode() < 0x7f; });
}

// RFC 2047 "B" encoded words of at most WordPayloadBytes of UTF-8 each (never splitting a
// character), folded onto continuation lines.
QByteArray encodedWords(const QString &text)
{
    QList<QByteArray> words;
    QByteArray chunk;
    const QStringView view(text);
    for (qsizetype i = 0; i < view.size();) {
        const qsizetype len = (view[i].isHighSurrogate() && i + 1 < view.size()) ? 2 : 1;
        const QByteArray ch = view.sliced(i, len).toUtf8();
        if (chunk.size() + ch.size() > WordPayloadBytes) {
            words.append(chunk);
            chunk.clear();
        }
        chunk += ch;
        i += len;
    }
    if (!chunk.isEmpty() || words.isEmpty())
        words.append(chunk);
    QByteArray out;
    for (const QByteArray &w : std::as_const(words)) {
        if (!out.isEmpty())
            out += "\r\n ";
        out += "=?UTF-8?B?" + w.toBase64() + "?=";
    }
    return out;
}

// The text on one line: each line break becomes a space.
QString oneLine(const QString &text)
{
    QString line = text;
    line.replace(QLatin1String("\r\n"), QLatin1String(" "));
    line.replace(u'\n', u' ');
    line.replace(u'\r', u' ');
    return line;
}

// An unstructured header value (Subject): plain when it is short printable ASCII, else encoded
// words. Line breaks in the value never reach the header.
QByteArray unstructuredValue(const QString &value)
{
    const QString line = oneLine(value);
    if (isPrintableAscii(line) && line.size() <= 60 && !line.contains(QLatin1String("=?")))
        return line.toLatin1();
    return encodedWords(line);
}

// "Display Name" <address>, with the name quoted or encoded as it needs.
QByteArray mailbox(const QString &name, const QString &address)
{
    const QByteArray addr = address.toUtf8();
    if (name.trimmed().isEmpty())
        return addr;
    QByteArray display;
    if (isPrintableAscii(name) && !name.contains(QLatin1String("=?"))) {
        display = "\"";
        for (QChar c : name) {
            if (c == u'"' || c == u'\\')
                display += '\\';
            display += static_cast<char>(c.unicode());
        }
        display += "\"";
    } else {
        display = encodedWords(name);
    }
    return display + " <" + addr + ">";
}

void wipe(QByteArray &bytes)
{
    if (!bytes.isEmpty())
        OPENSSL_cleanse(bytes.data(), static_cast<size_t>(bytes.size()));
}

// Quoted-printable (RFC 2045) of UTF-8 text with CRLF line ends and soft breaks within 76
// columns. A "." or "From " at the start of a line is encoded so no relay alters the line.
QByteArray quotedPrintable(const QString &text)
{
    QString normalised = text;
    normalised.replace(QLatin1String("\r\n"), QLatin1String("\n"));
    normalised.replace(u'\r', u'\n');
    QByteArray utf8 = normalised.toUtf8();
    cleanseString(normalised);
    static const char hex[] = "0123456789ABCDEF";

    QByteArray out;
    out.reserve(utf8.size() * 3 + 64);
    qsizetype lineStart = 0;
    while (lineStart <= utf8.size()) {
        qsizetype lineEnd = utf8.indexOf('\n', lineStart);
        const bool lastLine = lineEnd < 0;
        if (lastLine)
            lineEnd = utf8.size();
        const QByteArrayView line(utf8.constData() + lineStart, lineEnd - lineStart);
        qsizetype column = 0;
        for (qsizetype i = 0; i < line.size(); ++i) {
            const auto b = static_cast<unsigned char>(line[i]);
            const bool lastInLine = i + 1 == line.size();
            auto token = [&](qsizetype col) -> QByteArray {
                const bool guarded =
                    col == 0 && (b == '.' || (b == 'F' && line.sliced(i).startsWith("From ")));
                const bool literal = !guarded && ((b >= 33 && b <= 126 && b != '=') ||
                                                  ((b == ' ' || b == '\t') && !lastInLine));
                if (literal)
                    return QByteArray(1, static_cast<char>(b));
                return QByteArray("=") + hex[b >> 4] + hex[b & 0x0f];
            };
            QByteArray t = token(column);
            // A soft break ("=" at the end of a line) keeps every line within the limit.
            const qsizetype room = lastInLine ? QpLineLimit : QpLineLimit - 1;
            if (column + t.size() > room) {
                out += "=\r\n";
                column = 0;
                t = token(column);
            }
            out += t;
            column += t.size();
        }
        if (lastLine)
            break;
        out += "\r\n";
        lineStart = lineEnd + 1;
    }
    wipe(utf8);
    return out;
}

void appendEscapedHtml(QString &out, QChar c)
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
    case u'\n':
        out += QLatin1String("<br>\n");
        break;
    default:
        out += c;
    }
}

// An HTML part for a message that has only text: paragraphs at blank lines, escaped.
QString htmlFromText(const QString &text, const QString &locale, const QString &title)
{
    QString normalised = text;
    normalised.replace(QLatin1String("\r\n"), QLatin1String("\n"));
    QString html = QStringLiteral("<!DOCTYPE html>\n<html lang=\"");
    for (QChar c : locale)
        appendEscapedHtml(html, c);
    html += QLatin1String("\">\n<head>\n<meta charset=\"utf-8\">\n<title>");
    for (QChar c : oneLine(title))
        appendEscapedHtml(html, c);
    html += QLatin1String("</title>\n</head>\n<body style=\"font-family:Helvetica,Arial,"
                          "sans-serif;font-size:16px;line-height:24px;\">\n");
    const QStringList paragraphs = normalised.trimmed().split(QLatin1String("\n\n"));
    for (const QString &p : paragraphs) {
        if (p.trimmed().isEmpty())
            continue;
        html += QLatin1String("<p>");
        for (QChar c : p.trimmed())
            appendEscapedHtml(html, c);
        html += QLatin1String("</p>\n");
    }
    html += QLatin1String("</body>\n</html>\n");
    return html;
}

QByteArray randomBoundary()
{
    auto bytes = randomBytes(12);
    const QByteArray unique =
        bytes ? bytes->bytes().toHex() : QUuid::createUuid().toRfc4122().toHex();
    // "=_" never occurs in quoted-printable text, so the boundary cannot appear in a part.
    return "=_vc_" + unique;
}

// --- libcurl ---------------------------------------------------------------------------------

void initCurlOnce()
{
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

struct EasyDeleter
{
    void operator()(CURL *c) const { curl_easy_cleanup(c); }
};
using EasyHandle = std::unique_ptr<CURL, EasyDeleter>;

struct SlistDeleter
{
    void operator()(curl_slist *l) const { curl_slist_free_all(l); }
};
using Slist = std::unique_ptr<curl_slist, SlistDeleter>;

// Bytes that may hold a secret (the message, the password): wiped when they go.
class WipedBytes
{
public:
    explicit WipedBytes(QByteArray bytes)
        : m_bytes(std::move(bytes))
    {
        m_bytes.detach();
    }
    ~WipedBytes() { wipe(m_bytes); }
    WipedBytes(const WipedBytes &) = delete;
    WipedBytes &operator=(const WipedBytes &) = delete;

    const QByteArray &bytes() const { return m_bytes; }
    const char *constData() const { return m_bytes.constData(); }

private:
    QByteArray m_bytes;
};

struct Upload
{
    const QByteArray *data = nullptr;
    qsizetype offset = 0;
};

size_t readUpload(char *buffer, size_t size, size_t count, void *userdata)
{
    auto *upload = static_cast<Upload *>(userdata);
    const qsizetype left = upload->data->size() - upload->offset;
    const qsizetype n = qMin<qsizetype>(left, static_cast<qsizetype>(size * count));
    if (n <= 0)
        return 0;
    std::memcpy(buffer, upload->data->constData() + upload->offset, static_cast<size_t>(n));
    upload->offset += n;
    return static_cast<size_t>(n);
}

// What curl said went wrong, minus anything that could name the recipient or the password.
QString curlDetail(const char *errorBuffer, CURLcode rc, const OutgoingMessage &m,
                   const SmtpSettings &s)
{
    QString detail = QString::fromUtf8(errorBuffer).trimmed();
    if (detail.isEmpty())
        detail = QString::fromUtf8(curl_easy_strerror(rc));
    if (!m.recipient.isEmpty())
        detail.replace(m.recipient, m.recipientMasked, Qt::CaseInsensitive);
    if (s.password.size() >= 3)
        detail.replace(s.password, QStringLiteral("***"));
    return detail;
}

SendOutcome failure(SendOutcome::Kind kind, const QString &message)
{
    return {kind, {}, message};
}

// Maps a failed exchange to an outcome. `reply` is the server's last SMTP reply code (0: none).
SendOutcome mapFailure(CURLcode rc, long reply, const QString &detail, const SmtpSettings &s)
{
    using Kind = SendOutcome::Kind;
    const QString where = QStringLiteral("%1:%2").arg(s.host).arg(s.port);
    switch (rc) {
    case CURLE_LOGIN_DENIED:
        return failure(
            Kind::PermanentFailure,
            QStringLiteral("SMTP: authentication failed (%1): %2 refused the configured "
                           "user name and password")
                .arg(reply ? QString::number(reply) : QStringLiteral("no reply"), where));
    case CURLE_PEER_FAILED_VERIFICATION:
        return failure(
            Kind::PermanentFailure,
            QStringLiteral("SMTP: TLS certificate of %1 is not trusted (%2); set ca_file "
                           "to the CA that issued it")
                .arg(where, detail));
    case CURLE_SSL_CACERT_BADFILE:
        return failure(Kind::PermanentFailure,
                       QStringLiteral("SMTP: TLS CA file cannot be used (%1)").arg(detail));
    case CURLE_USE_SSL_FAILED:
        return failure(
            Kind::PermanentFailure,
            QStringLiteral("SMTP: %1 does not offer STARTTLS (security is starttls)").arg(where));
    case CURLE_SSL_CONNECT_ERROR:
        return failure(
            Kind::TemporaryFailure,
            QStringLiteral("SMTP: TLS handshake with %1 failed (%2)").arg(where, detail));
    case CURLE_COULDNT_RESOLVE_HOST:
        return failure(Kind::TemporaryFailure,
                       QStringLiteral("SMTP: cannot resolve host %1").arg(s.host));
    case CURLE_COULDNT_CONNECT:
        return failure(Kind::TemporaryFailure,
                       QStringLiteral("SMTP: cannot connect to %1 (%2)").arg(where, detail));
    case CURLE_OPERATION_TIMEDOUT:
        return failure(
            Kind::TemporaryFailure,
            QStringLiteral("SMTP: %1 did not answer within %2 ms").arg(where).arg(s.timeoutMs));
    case CURLE_URL_MALFORMAT:
    case CURLE_UNSUPPORTED_PROTOCOL:
        return failure(Kind::PermanentFailure,
                       QStringLiteral("SMTP: invalid server address %1 (%2)").arg(where, detail));
    default:
        break;
    }
    if (reply >= 400 && reply < 600) {
        // curl names the step that was refused ("RCPT failed: 550").
        QString step = QStringLiteral("the message");
        if (detail.startsWith(QLatin1String("RCPT")))
            step = QStringLiteral("the recipient");
        else if (detail.startsWith(QLatin1String("MAIL")))
            step = QStringLiteral("the sender address");
        const bool temporary = reply < 500;
        return failure(
            temporary ? Kind::TemporaryFailure : Kind::PermanentFailure,
            QStringLiteral("SMTP: the server %1 %2 (%3)")
                .arg(temporary ? QStringLiteral("temporarily refused") : QStringLiteral("rejected"),
                     step)
                .arg(reply));
    }
    return failure(Kind::TemporaryFailure,
                   QStringLiteral("SMTP: sending through %1 failed (%2)").arg(where, detail));
}

} // namespace

QString smtpSecurityName(SmtpSettings::Security security)
{
    switch (security) {
    case SmtpSettings::Security::None:
        return QStringLiteral("none");
    case SmtpSettings::Security::StartTls:
        return QStringLiteral("starttls");
    case SmtpSettings::Security::ImplicitTls:
        return QStringLiteral("tls");
    }
    return {};
}

Result<SmtpSettings> SmtpSettings::fromJson(const QJsonObject &settings, const QJsonObject &secrets)
{
    SmtpSettings s;

    auto host = optionalString(settings, "host");
    if (!host)
        return host.error();
    s.host = host->trimmed();
    if (s.host.isEmpty())
        return invalid("host", QStringLiteral("is required (the SMTP server's name or address)"));
    if (!plausibleHost(s.host))
        return invalid("host", QStringLiteral("is not a valid host name or IP address"));

    auto security = optionalString(settings, "security");
    if (!security)
        return security.error();
    if (!security->isEmpty()) {
        const auto parsed = securityFromName(*security);
        if (!parsed)
            return invalid("security", QStringLiteral("must be none, starttls or tls"));
        s.security = *parsed;
    }

    const QJsonValue port = settings.value(QLatin1String("port"));
    if (port.isUndefined() || port.isNull()) {
        s.port = defaultPort(s.security);
    } else {
        const double p = port.toDouble(-1);
        if (!port.isDouble() || p != static_cast<double>(static_cast<int>(p)) || p < 1 || p > 65535)
            return invalid("port", QStringLiteral("must be a whole number from 1 to 65535"));
        s.port = static_cast<int>(p);
    }

    auto username = optionalString(settings, "username");
    if (!username)
        return username.error();
    s.username = *username;
    if (hasControlCharacters(s.username))
        return invalid("username", QStringLiteral("must not contain control characters"));
    auto password = optionalString(secrets, "password");
    if (!password)
        return password.error();
    s.password = *password;
    if (!s.username.isEmpty() && s.password.isEmpty())
        return invalid("password", QStringLiteral("is required when a username is set"));
    if (s.username.isEmpty() && !s.password.isEmpty())
        return invalid("username", QStringLiteral("is required when a password is set"));
    if (!s.username.isEmpty() && s.security == Security::None)
        return invalid("security",
                       QStringLiteral("must be starttls or tls when a username is set: the "
                                      "password would cross the network unencrypted"));

    auto from = optionalString(settings, "from_address");
    if (!from)
        return from.error();
    if (from->trimmed().isEmpty())
        return invalid("from_address", QStringLiteral("is required (the sender's e-mail address)"));
    auto parsedFrom = Recipients::parseEmail(from->trimmed());
    if (!parsedFrom)
        return invalid("from_address", parsedFrom.error().message);
    s.fromAddress = parsedFrom->normalised;

    auto fromName = optionalString(settings, "from_name");
    if (!fromName)
        return fromName.error();
    s.fromName = fromName->trimmed();
    if (hasControlCharacters(s.fromName))
        return invalid("from_name", QStringLiteral("must be one line without control characters"));
    if (s.fromName.size() > MaxFromName)
        return invalid("from_name",
                       QStringLiteral("must be at most %1 characters").arg(MaxFromName));

    const QJsonValue timeout = settings.value(QLatin1String("timeout_ms"));
    if (timeout.isUndefined() || timeout.isNull()) {
        s.timeoutMs = DefaultTimeoutMs;
    } else {
        const double t = timeout.toDouble(-1);
        if (!timeout.isDouble() || t != static_cast<double>(static_cast<int>(t)) ||
            t < MinTimeoutMs || t > MaxTimeoutMs)
            return invalid("timeout_ms", QStringLiteral("must be a whole number of milliseconds "
                                                        "from %1 to %2")
                                             .arg(MinTimeoutMs)
                                             .arg(MaxTimeoutMs));
        s.timeoutMs = static_cast<int>(t);
    }

    const QJsonValue verify = settings.value(QLatin1String("verify_peer"));
    if (!verify.isUndefined() && !verify.isNull()) {
        if (!verify.isBool())
            return invalid("verify_peer", QStringLiteral("must be true or false"));
        s.verifyPeer = verify.toBool();
    }

    auto caFile = optionalString(settings, "ca_file");
    if (!caFile)
        return caFile.error();
    s.caFile = caFile->trimmed();
    if (!s.caFile.isEmpty()) {
        const QFileInfo info(s.caFile);
        if (!info.isAbsolute())
            return invalid("ca_file", QStringLiteral("must be an absolute path"));
        if (!info.isFile() || !info.isReadable())
            return invalid("ca_file", QStringLiteral("is not a readable file"));
    }
    return s;
}

SmtpProvider::SmtpProvider(QString name, SmtpSettings settings)
    : m_name(std::move(name))
    , m_settings(std::move(settings))
{
    initCurlOnce();
}

QByteArray SmtpProvider::messageId(const SmtpSettings &settings, const OutgoingMessage &message)
{
    QString key = message.idempotencyKey;
    if (key.isEmpty() && !message.sessionId.isEmpty())
        key = QStringLiteral("%1-%2").arg(message.sessionId).arg(message.deliveryId);
    QByteArray left;
    for (QChar c : std::as_const(key)) {
        const char16_t u = c.unicode();
        if ((u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9') ||
            u == u'-' || u == u'.' || u == u'_')
            left += static_cast<char>(u);
    }
    if (left.isEmpty())
        left = QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
    const qsizetype at = settings.fromAddress.lastIndexOf(u'@');
    QByteArray domain =
        at >= 0 ? settings.fromAddress.mid(at + 1).toUtf8() : QByteArrayLiteral("verify.local");
    return "<" + left + "@" + domain + ">";
}

QByteArray SmtpProvider::composeMessage(const SmtpSettings &settings,
                                        const OutgoingMessage &message, const QDateTime &date,
                                        const QByteArray &boundary)
{
    const RenderedMessage &m = message.message;
    const QString html =
        m.html.isEmpty() ? htmlFromText(m.text, message.locale, m.subject) : m.html;

    QByteArray out;
    // Room for the whole message up front: a reallocation would leave a copy of the code behind.
    out.reserve(4096 + (m.text.size() + html.size()) * 10);
    out += "From: " + mailbox(settings.fromName, settings.fromAddress) + "\r\n";
    out += "To: " + message.recipient.toUtf8() + "\r\n";
    out += "Subject: " + unstructuredValue(m.subject) + "\r\n";
    out += "Date: " + date.toUTC().toString(Qt::RFC2822Date).toLatin1() + "\r\n";
    out += "Message-ID: " + messageId(settings, message) + "\r\n";
    if (!message.locale.isEmpty() && isPrintableAscii(message.locale))
        out += "Content-Language: " + message.locale.toLatin1() + "\r\n";
    out += "X-Verify-Session: " + message.sessionId.toLatin1() + "\r\n";
    // RFC 3834: a machine sent this; vacation responders should not answer it.
    out += "Auto-Submitted: auto-generated\r\n";
    out += "MIME-Version: 1.0\r\n";
    out += "Content-Type: multipart/alternative;\r\n boundary=\"" + boundary + "\"\r\n";
    out += "\r\n";
    out += "This is a multi-part message in MIME format.\r\n";
    auto part = [&](const char *type, const QString &body) {
        out += "\r\n--" + boundary + "\r\n";
        out += QByteArray("Content-Type: ") + type + "; charset=UTF-8\r\n";
        out += "Content-Transfer-Encoding: quoted-printable\r\n\r\n";
        QByteArray encoded = quotedPrintable(body);
        out += encoded;
        wipe(encoded);
    };
    part("text/plain", m.text);
    part("text/html", html);
    out += "\r\n--" + boundary + "--\r\n";
    return out;
}

SendOutcome SmtpProvider::send(const OutgoingMessage &message)
{
    using Kind = SendOutcome::Kind;
    const SmtpSettings &s = m_settings;
    if (message.channel != Channel::Email)
        return failure(Kind::PermanentFailure,
                       QStringLiteral("SMTP: provider %1 sends e-mail only, not %2")
                           .arg(m_name, channelName(message.channel)));
    // The address goes into the envelope and the To header: it must be one plain address.
    if (message.recipient.isEmpty() || hasControlCharacters(message.recipient) ||
        message.recipient.contains(u'<') || message.recipient.contains(u'>') ||
        message.recipient.contains(u',') || !message.recipient.contains(u'@'))
        return failure(Kind::PermanentFailure,
                       QStringLiteral("SMTP: the recipient is not a valid e-mail address"));

    const WipedBytes body(
        composeMessage(s, message, QDateTime::currentDateTimeUtc(), randomBoundary()));
    const QByteArray id = messageId(s, message);

    QUrl url;
    url.setScheme(s.security == SmtpSettings::Security::ImplicitTls ? QStringLiteral("smtps")
                                                                    : QStringLiteral("smtp"));
    url.setHost(s.host);
    url.setPort(s.port);
    const QByteArray urlBytes = url.toEncoded();
    const QByteArray from = "<" + s.fromAddress.toUtf8() + ">";
    const WipedBytes rcpt("<" + message.recipient.toUtf8() + ">");
    Slist recipients(curl_slist_append(nullptr, rcpt.constData()));
    if (!recipients)
        return failure(Kind::TemporaryFailure, QStringLiteral("SMTP: out of memory"));
    const QByteArray caFile = s.caFile.toUtf8();
    const QByteArray username = s.username.toUtf8();
    const WipedBytes password(s.password.toUtf8());
    Upload upload{&body.bytes(), 0};
    char errorBuffer[CURL_ERROR_SIZE] = {};

    // Declared after everything it points to, so it is cleaned up first.
    EasyHandle curl(curl_easy_init());
    if (!curl)
        return failure(Kind::TemporaryFailure, QStringLiteral("SMTP: libcurl could not start"));
    CURL *h = curl.get();
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L); // worker threads: no SIGALRM for DNS timeouts
    curl_easy_setopt(h, CURLOPT_URL, urlBytes.constData());
    curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
    curl_easy_setopt(h, CURLOPT_ERRORBUFFER, errorBuffer);
    curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(s.timeoutMs));
    curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, static_cast<long>(s.timeoutMs));
    curl_easy_setopt(h, CURLOPT_MAIL_FROM, from.constData());
    curl_easy_setopt(h, CURLOPT_MAIL_RCPT, recipients.get());
    curl_easy_setopt(h, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(h, CURLOPT_READFUNCTION, &readUpload);
    curl_easy_setopt(h, CURLOPT_READDATA, &upload);
    curl_easy_setopt(h, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(body.bytes().size()));
    if (s.security == SmtpSettings::Security::StartTls)
        curl_easy_setopt(h, CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_ALL));
    if (s.security != SmtpSettings::Security::None) {
        curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, s.verifyPeer ? 1L : 0L);
        curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, s.verifyPeer ? 2L : 0L);
    }
    if (!caFile.isEmpty())
        curl_easy_setopt(h, CURLOPT_CAINFO, caFile.constData());
    if (!username.isEmpty()) {
        curl_easy_setopt(h, CURLOPT_USERNAME, username.constData());
        curl_easy_setopt(h, CURLOPT_PASSWORD, password.constData());
    }

    const CURLcode rc = curl_easy_perform(h);
    long reply = 0;
    curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &reply);
    if (rc == CURLE_OK)
        return {Kind::Accepted, QString::fromLatin1(id), {}};

    const SendOutcome outcome = mapFailure(rc, reply, curlDetail(errorBuffer, rc, message, s), s);
    qCDebug(lcDelivery).noquote() << "SMTP provider" << m_name << "to" << message.recipientMasked
                                  << "failed: curl" << static_cast<int>(rc) << "reply" << reply;
    return outcome;
}

} // namespace vc
