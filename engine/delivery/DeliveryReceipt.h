#pragma once

#include "core/Domain.h"

#include <QString>

#include <optional>

namespace vc {

// What a gateway's delivery report says about one message, with Kannel's DLR type values (the
// `%d` of its dlr-url).
enum class ReceiptStatus
{
    Delivered = 1,     // reached the phone
    Undeliverable = 2, // did not reach the phone and will not
    Buffered = 4,      // queued at the SMSC, still trying
    SmscAccepted = 8,  // the SMSC took it
    SmscRejected = 16, // the SMSC refused it
};

std::optional<ReceiptStatus> receiptStatusFromCode(int code);
// "delivered", "undeliverable", "buffered", "smsc_accepted", "smsc_rejected".
QString receiptStatusName(ReceiptStatus status);
// Undeliverable or rejected: the message will not arrive.
bool isFailure(ReceiptStatus status);

// The part of a gateway's reply text (Kannel's `%A`) that may be kept in events and logs. SMPP
// receipts quote the start of the message after "text:", and the message holds the code, so that
// and everything after it is dropped; control characters go, and at most 120 characters stay.
QString safeReceiptDetail(const QString &reply);

// What recording a receipt did.
struct ReceiptOutcome
{
    QString sessionId;
    SessionStatus sessionStatus = SessionStatus::Pending; // after the receipt
    bool duplicate = false; // the same receipt was recorded before: nothing changed now
};

} // namespace vc
