#include "delivery/WebhookSender.h"

#include "crypto/KeyRing.h"

#include <QList>

#include <curl/curl.h>

#include <memory>
#include <mutex>

namespace vc {

namespace {

void initCurl()
{
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

struct EasyDeleter
{
    void operator()(CURL *h) const { curl_easy_cleanup(h); }
};
struct SlistDeleter
{
    void operator()(curl_slist *l) const { curl_slist_free_all(l); }
};

// The receiver's answer is not used: read and drop it (up to a limit, then stop the transfer).
size_t discardReply(char *, size_t size, size_t count, void *userData)
{
    auto *total = static_cast<size_t *>(userData);
    *total += size * count;
    return *total > 64 * 1024 ? 0 : size * count;
}

} // namespace

QByteArray webhookSignature(const SecureBytes &secret, qint64 unixSeconds, const QByteArray &body)
{
    const QByteArray t = QByteArray::number(unixSeconds);
    const QByteArray mac = hmacSha256(secret, t + '.' + body);
    return "t=" + t + ",v1=" + mac.toHex();
}

WebhookSender::Attempt WebhookSender::post(const QString &url, const QByteArray &body,
                                           const QString &eventId, const QString &eventType,
                                           const SecureBytes &secret, qint64 unixSeconds) const
{
    initCurl();
    Attempt a;
    std::unique_ptr<CURL, EasyDeleter> handle(curl_easy_init());
    if (!handle) {
        a.error = QStringLiteral("cannot start an HTTP request");
        return a;
    }
    curl_slist *raw = nullptr;
    const QList<QByteArray> lines{
        "Content-Type: application/json",
        "User-Agent: VerifyConsole-Webhook/1",
        "X-Verify-Signature: " + webhookSignature(secret, unixSeconds, body),
        "X-Verify-Event-Id: " + eventId.toUtf8(),
        "X-Verify-Event: " + eventType.toUtf8(),
        "Expect:",
    };
    for (const QByteArray &line : lines) {
        curl_slist *appended = curl_slist_append(raw, line.constData());
        if (!appended) {
            curl_slist_free_all(raw);
            a.error = QStringLiteral("out of memory");
            return a;
        }
        raw = appended;
    }
    std::unique_ptr<curl_slist, SlistDeleter> headers(raw);
    const QByteArray target = url.toUtf8();
    size_t replied = 0;
    CURL *h = handle.get();
    curl_easy_setopt(h, CURLOPT_URL, target.constData());
    curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, long(m_timeoutMs));
    curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, long(m_timeoutMs));
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, headers.get());
    curl_easy_setopt(h, CURLOPT_POST, 1L);
    curl_easy_setopt(h, CURLOPT_POSTFIELDS, body.constData());
    curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(body.size()));
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, discardReply);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, &replied);
    const CURLcode rc = curl_easy_perform(h);
    long status = 0;
    curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
    if (status > 0)
        a.httpStatus = static_cast<int>(status);
    if (rc != CURLE_OK && !(rc == CURLE_WRITE_ERROR && status > 0)) {
        a.error = QString::fromLatin1(curl_easy_strerror(rc));
        return a;
    }
    a.delivered = status >= 200 && status < 300;
    if (!a.delivered)
        a.error = QStringLiteral("HTTP %1").arg(status);
    return a;
}

} // namespace vc
