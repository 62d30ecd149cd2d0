#pragma once

#include "core/Domain.h"
#include "delivery/MessageTemplates.h"

#include <QString>

namespace vc {

class Connection;
struct DeliveryRow;
struct SessionRow;

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

    // A provider whose delivery is itself a database write (the local outbox) delivers inside
    // the worker's transaction instead of send(): the job is claimed, delivered and recorded in
    // one commit, so it can neither be lost nor delivered twice.
    virtual bool deliversInTransaction() const { return false; }
    virtual SendOutcome deliverInTransaction(Connection &, const DeliveryRow &, const SessionRow &,
                                             qint64 /*now*/)
    {
        return {SendOutcome::Kind::PermanentFailure,
                {},
                QStringLiteral("this provider does not deliver in a transaction")};
    }

    // Delivery receipts come back through the listener (GET /v1/receipts/...) carrying a token
    // the provider put in the receipt URL. A provider that asks for receipts says whether
    // `token` is its own, comparing in constant time; the others accept none.
    virtual bool acceptsReceiptToken(const QString & /*token*/) const { return false; }
};

} // namespace vc
