#include "delivery/KannelProvider.h"

#include "core/Logging.h"
#include "crypto/SecureBytes.h"

#include <QCryptographicHash>
#include <QJsonValue>
#include <QRegularExpression>
#include <QSet>

#include <curl/curl.h>
#include <openssl/crypto.h>

#include <algorithm>
#include <memory>
#include <mutex>

namespace vc {

namespace {

constexpr int MinTimeoutMs = 1000;
constexpr int MaxTimeoutMs = 120000;
constexpr qsizetype MaxBodyBytes = 4096;
constexpr qsizetype MaxTextField = 200;

// --- settings ------------------------------------------------------------------------------

Error invalid(const char *field, const QString &message)
{
    return Error::invalid(QString::fromLatin1(field), message);
}

bool hasControlCharacters(const QString &s)
{
    return std::any_of(s.cbegin(), s.cend(), [](QChar c) {
        return c.unicode() < 0x20 || c.unicode() == 0x7f || c.category() == QChar::Other_Control;
    });
}

Result<QString> stringOf(const QJsonObject &o, const char *key, bool required)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isUndefined() || v.isNull() || (v.isString() && v.toString().isEmpty())) {
        if (required)
            return invalid(key, QStringLiteral("is required"));
        return QString();
    }
    if (!v.isString())
        return invalid(key, QStringLiteral("must be a string"));
    const QString s = v.toString();
    if (s.size() > MaxTextField)
        return invalid(key, QStringLiteral("must be at most %1 characters").arg(MaxTextField));
    if (hasControlCharacters(s))
        return invalid(key, QStringLiteral("must not contain control characters"));
    return s;
}

// An http(s) URL with a host and no credentials, query or fragment.
Result<QUrl> httpUrlOf(const QJsonObject &o, const char *key)
{
    auto text = stringOf(o, key, true);
    if (!text)
        return text.error();
    const QUrl url(*text, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || (scheme != u"http" && scheme != u"https") || url.host().isEmpty())
        return invalid(key, QStringLiteral("must be an http or https URL with a host"));
    if (!url.userInfo().isEmpty())
        return invalid(key, QStringLiteral("must not hold a user name or password (the password "
                                           "is a secret of its own)"));
    if (url.hasQuery() || url.hasFragment())
        return invalid(key, QStringLiteral("must not have a query or a fragment"));
    return url;
}

Status refuseUnknown(const QJsonObject &o, const QStringList &known, const QString &what)
{
    for (auto it = o.constBegin(); it != o.constEnd(); ++it)
        if (!known.contains(it.key()))
            return Error::invalid(it.key().left(64),
                                  QStringLiteral("is not a %1 of a kannel provider").arg(what));
    return {};
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

size_t collectBody(char *data, size_t size, size_t count, void *user)
{
    auto *body = static_cast<QByteArray *>(user);
    const size_t bytes = size * count;
    const qsizetype room = MaxBodyBytes - body->size();
    if (room > 0)
        body->append(data, qMin<qsizetype>(room, static_cast<qsizetype>(bytes)));
    return bytes;
}

QByteArray encoded(const QString &value)
{
    // Everything but A-Z a-z 0-9 - . _ ~ is escaped: '+' and '&' in a text must not reach
    // Kannel as a space or a new parameter.
    return QUrl::toPercentEncoding(value);
}

// Kannel's answer for an error message: its first line when it is plain words, never anything
// that could echo the request (the password, the number or the text).
QString answerText(const QByteArray &body, const OutgoingMessage &m, const KannelSettings &s)
{
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z0-9 .,:;!()'/_-]{1,100}$"));
    const QString line = QString::fromUtf8(body).section(u'\n', 0, 0).trimmed();
    if (!plain.match(line).hasMatch())
        return {};
    QString digits = m.recipient;
    digits.remove(QRegularExpression(QStringLiteral("[^0-9]")));
    if ((digits.size() >= 4 && line.contains(digits.right(4))) ||
        (!s.password.isEmpty() && line.contains(s.password)) ||
        (!s.receiptToken.isEmpty() && line.contains(s.receiptToken)))
        return {};
    return line;
}

QString endpointOf(const QUrl &url)
{
    return QStringLiteral("%1:%2")
        .arg(url.host())
        .arg(url.port(url.scheme().compare(u"https", Qt::CaseInsensitive) == 0 ? 443 : 80));
}

} // namespace

Result<KannelSettings> KannelSettings::fromJson(const QJsonObject &settings,
                                                const QJsonObject &secrets)
{
    if (Status s = refuseUnknown(settings,
                                 {QStringLiteral("sendsms_url"), QStringLiteral("username"),
                                  QStringLiteral("from"), QStringLiteral("receipt_base_url"),
                                  QStringLiteral("timeout_ms")},
                                 QStringLiteral("setting"));
        !s)
        return s.error();
    if (Status s =
            refuseUnknown(secrets, {QStringLiteral("password"), QStringLiteral("receipt_token")},
                          QStringLiteral("secret"));
        !s)
        return s.error();

    KannelSettings k;
    auto sendsms = httpUrlOf(settings, "sendsms_url");
    if (!sendsms)
        return sendsms.error();
    k.sendsmsUrl = *sendsms;
    if (k.sendsmsUrl.path().isEmpty() || k.sendsmsUrl.path() == u"/")
        k.sendsmsUrl.setPath(QStringLiteral("/cgi-bin/sendsms")); // smsbox's only path for it

    auto username = stringOf(settings, "username", true);
    if (!username)
        return username.error();
    k.username = *username;
    auto password = stringOf(secrets, "password", true);
    if (!password)
        return password.error();
    k.password = *password;

    auto from = stringOf(settings, "from", false);
    if (!from)
        return from.error();
    if (from->size() > 20)
        return invalid("from", QStringLiteral("must be at most 20 characters (a sender id or "
                                              "number)"));
    k.from = *from;

    auto base = httpUrlOf(settings, "receipt_base_url");
    if (!base)
        return base.error();
    // Kannel rewrites every '%' escape of a dlr-url it does not know: the base must need none.
    if (base->toEncoded().contains('%'))
        return invalid("receipt_base_url",
                       QStringLiteral("must not need %-escapes (Kannel would rewrite them)"));
    k.receiptBaseUrl = *base;

    auto token = stringOf(secrets, "receipt_token", true);
    if (!token)
        return token.error();
    static const QRegularExpression tokenPattern(QStringLiteral("^[A-Za-z0-9._~-]{16,128}$"));
    if (!tokenPattern.match(*token).hasMatch())
        return invalid("receipt_token", QStringLiteral("must be 16-128 of A-Z, a-z, 0-9, '-', "
                                                       "'_', '.' and '~'"));
    k.receiptToken = *token;

    const QJsonValue timeout = settings.value(QLatin1String("timeout_ms"));
    if (!timeout.isUndefined() && !timeout.isNull()) {
        const double t = timeout.toDouble(-1);
        if (!timeout.isDouble() || t != static_cast<double>(static_cast<int>(t)) ||
            t < MinTimeoutMs || t > MaxTimeoutMs)
            return invalid("timeout_ms", QStringLiteral("must be a whole number of milliseconds "
                                                        "from %1 to %2")
                                             .arg(MinTimeoutMs)
                                             .arg(MaxTimeoutMs));
        k.timeoutMs = static_cast<int>(t);
    }
    return k;
}

KannelProvider::KannelProvider(QString name, KannelSettings settings)
    : m_name(std::move(name))
    , m_settings(std::move(settings))
{
    if (!m_settings.receiptToken.isEmpty())
        m_tokenDigest =
            QCryptographicHash::hash(m_settings.receiptToken.toUtf8(), QCryptographicHash::Sha256);
}

KannelProvider::~KannelProvider()
{
    cleanseString(m_settings.password);
    cleanseString(m_settings.receiptToken);
}

bool KannelProvider::acceptsReceiptToken(const QString &token) const
{
    if (m_tokenDigest.isEmpty() || token.isEmpty())
        return false;
    // Equal-length digests compared in constant time: the time taken tells nothing about how
    // much of a guess was right, nor the token's length.
    const QByteArray presented =
        QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256);
    return CRYPTO_memcmp(presented.constData(), m_tokenDigest.constData(),
                         static_cast<size_t>(m_tokenDigest.size())) == 0;
}

QString KannelProvider::receiptUrl(qint64 deliveryId) const
{
    QString base = QString::fromLatin1(m_settings.receiptBaseUrl.toEncoded());
    while (base.endsWith(u'/'))
        base.chop(1);
    // Kannel fills in %d (the report type) and %A (the SMSC's reply text) itself.
    return base + QStringLiteral("/v1/receipts/kannel/") + QString::fromLatin1(encoded(m_name)) +
           QStringLiteral("?token=") + QString::fromLatin1(encoded(m_settings.receiptToken)) +
           QStringLiteral("&delivery=%1&status=%d&smsc_reply=%A").arg(deliveryId);
}

bool KannelProvider::isGsm7(const QString &text)
{
    // GSM 03.38: the default alphabet and the characters of its extension table.
    static const QSet<char16_t> alphabet = [] {
        const QString chars =
            QStringLiteral("@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
                           "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
                           "^{}\\[~]|€\f");
        QSet<char16_t> set;
        for (QChar c : chars)
            set.insert(c.unicode());
        return set;
    }();
    return std::all_of(text.cbegin(), text.cend(),
                       [](QChar c) { return alphabet.contains(c.unicode()); });
}

QByteArray KannelProvider::sendsmsQuery(const OutgoingMessage &message) const
{
    const QString &text = message.message.text;
    QByteArray q;
    q += "username=" + encoded(m_settings.username);
    q += "&password=" + encoded(m_settings.password);
    if (!m_settings.from.isEmpty())
        q += "&from=" + encoded(m_settings.from);
    q += "&to=" + encoded(message.recipient);
    q += "&text=" + encoded(text);
    // The text is sent as UTF-8 either way; what GSM 03.38 cannot carry goes out as UCS-2.
    q += "&charset=UTF-8";
    if (!isGsm7(text))
        q += "&coding=2";
    q += "&dlr-mask=31";
    q += "&dlr-url=" + encoded(receiptUrl(message.deliveryId));
    return q;
}

SendOutcome KannelProvider::send(const OutgoingMessage &message)
{
    using Kind = SendOutcome::Kind;
    if (message.channel != Channel::Sms)
        return {Kind::PermanentFailure,
                {},
                QStringLiteral("Kannel sends SMS only, not %1").arg(channelName(message.channel))};
    if (message.recipient.isEmpty() || message.message.text.isEmpty())
        return {Kind::PermanentFailure, {}, QStringLiteral("Kannel: no recipient or no text")};

    initCurlOnce();
    EasyHandle curl(curl_easy_init());
    if (!curl)
        return {Kind::TemporaryFailure, {}, QStringLiteral("Kannel: libcurl cannot start")};
    CURL *h = curl.get();

    // The URL holds the password, the number and the text: wiped once sent.
    SecureBytes url(m_settings.sendsmsUrl.toEncoded(QUrl::RemoveQuery | QUrl::RemoveFragment) +
                    '?' + sendsmsQuery(message));
    QByteArray body;
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L); // worker threads: no SIGALRM for DNS timeouts
    curl_easy_setopt(h, CURLOPT_URL, url.constData());
    curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(m_settings.timeoutMs));
    curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, static_cast<long>(m_settings.timeoutMs));
    curl_easy_setopt(h, CURLOPT_USERAGENT, "verify-console");
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, &collectBody);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, &body);
    const CURLcode rc = curl_easy_perform(h);
    long status = 0;
    curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
    url.clear();

    const QString endpoint = endpointOf(m_settings.sendsmsUrl);
    if (rc != CURLE_OK) {
        const QString why = QString::fromUtf8(curl_easy_strerror(rc));
        switch (rc) {
        case CURLE_UNSUPPORTED_PROTOCOL:
        case CURLE_URL_MALFORMAT:
        case CURLE_NOT_BUILT_IN:
        case CURLE_PEER_FAILED_VERIFICATION:
        case CURLE_SSL_CACERT_BADFILE:
        case CURLE_SSL_CERTPROBLEM:
            return {
                Kind::PermanentFailure,
                {},
                QStringLiteral("Kannel: cannot use %1 (%2); check sendsms_url").arg(endpoint, why)};
        default:
            return {Kind::TemporaryFailure,
                    {},
                    QStringLiteral("Kannel: cannot reach %1 (%2)").arg(endpoint, why)};
        }
    }

    const QString answer = answerText(body, message, m_settings);
    const QString said = answer.isEmpty() ? QString() : QStringLiteral(": ") + answer;
    if (status >= 200 && status < 300)
        return {Kind::Accepted, QString::number(message.deliveryId), {}};
    if (status == 408 || status == 429 || status >= 500)
        return {Kind::TemporaryFailure,
                {},
                QStringLiteral("Kannel: sendsms answered %1%2").arg(status).arg(said)};
    if (status == 401 || status == 403)
        return {Kind::PermanentFailure,
                {},
                QStringLiteral("Kannel: sendsms refused the username or password (%1%2)")
                    .arg(status)
                    .arg(said)};
    return {Kind::PermanentFailure,
            {},
            QStringLiteral("Kannel: sendsms answered %1%2").arg(status).arg(said)};
}

} // namespace vc
