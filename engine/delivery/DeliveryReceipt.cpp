#include "delivery/DeliveryReceipt.h"

namespace vc {

std::optional<ReceiptStatus> receiptStatusFromCode(int code)
{
    for (ReceiptStatus s :
         {ReceiptStatus::Delivered, ReceiptStatus::Undeliverable, ReceiptStatus::Buffered,
          ReceiptStatus::SmscAccepted, ReceiptStatus::SmscRejected})
        if (static_cast<int>(s) == code)
            return s;
    return std::nullopt;
}

QString receiptStatusName(ReceiptStatus status)
{
    switch (status) {
    case ReceiptStatus::Delivered:
        return QStringLiteral("delivered");
    case ReceiptStatus::Undeliverable:
        return QStringLiteral("undeliverable");
    case ReceiptStatus::Buffered:
        return QStringLiteral("buffered");
    case ReceiptStatus::SmscAccepted:
        return QStringLiteral("smsc_accepted");
    case ReceiptStatus::SmscRejected:
        return QStringLiteral("smsc_rejected");
    }
    return {};
}

bool isFailure(ReceiptStatus status)
{
    return status == ReceiptStatus::Undeliverable || status == ReceiptStatus::SmscRejected;
}

QString safeReceiptDetail(const QString &reply)
{
    QString kept = reply;
    if (const qsizetype text = kept.indexOf(QLatin1String("text:"), 0, Qt::CaseInsensitive);
        text >= 0)
        kept.truncate(text);
    QString out;
    for (QChar ch : std::as_const(kept))
        if (!ch.isNonCharacter() && ch.category() != QChar::Other_Control &&
            ch.category() != QChar::Other_Format)
            out += ch;
    return out.simplified().left(120);
}

} // namespace vc
