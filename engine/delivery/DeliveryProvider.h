#pragma once

#include "core/Domain.h"
#include "delivery/MessageTemplates.h"

#include <QString>

namespace vc {

// One message handed to a provider. `recipient` is the full address or number: providers must
// not log it (use recipientMasked).
struct OutgoingMessage
{
    qint64 deliveryId = 0;
    QString sessionId;
    QString serviceId;
    Channel channel = Channel::Sms;
    QString recipient;
    QString recipientMasked;
    QString locale;
    RenderedMessage message;
    int attempt = 1;
    QString idempotencyKey; // stable across retries of one delivery job
};

struct SendOutcome
{
    enum class Kind
    {
        Accepted,         // the provider took it; a receipt may follow
        Delivered,        // the provider confirms delivery now (the local outbox)
        TemporaryFailure, // worth retrying later
        PermanentFailure, // retrying cannot help (bad number, rejected content)
    };
    Kind kind = Kind::Accepted;
    QString providerMessageId;
    QString error; // for the event log: must not contain the recipient or the code

    bool succeeded() const { return kind == Kind::Accepted || kind == Kind::Delivered; }
};

// A way to send messages (local outbox, SMTP, Kannel, HTTP gateway). send() runs on a delivery
// worker thread, outside any database transaction, and may block up to the provider's timeout.
class DeliveryProvider
{
public:
    virtual ~DeliveryProvider() = default;
    virtual QString name() const = 0;
    virtual SendOutcome send(const OutgoingMessage &message) = 0;
};

} // namespace vc
