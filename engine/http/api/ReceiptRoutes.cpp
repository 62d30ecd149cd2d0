// Delivery receipts: SMS gateways report back here what became of a message they accepted.
// Kannel calls the dlr-url it was given for each report; it has no API key, so the URL carries
// the provider's receipt token instead.

#include "core/Engine.h"
#include "http/api/ApiSupport.h"
#include "http/api/Routes.h"

namespace vc::http {

namespace {

HttpResponse kannelReceipt(ApiRequest &r)
{
    const QString provider = r.params.value(QStringLiteral("provider"));
    // The token before anything else: without it a caller learns only whether the provider
    // exists, not which deliveries do.
    if (Status s = r.engine.authorizeReceipt(
            provider, r.http.queryValue(QStringLiteral("token")).value_or(QString()));
        !s)
        return errorResponse(s.error());
    if (Status s =
            allowOnlyParams(r.http, {QStringLiteral("token"), QStringLiteral("delivery"),
                                     QStringLiteral("status"), QStringLiteral("smsc_reply")});
        !s)
        return errorResponse(s.error());

    auto delivery = int64Param(r.http, QStringLiteral("delivery"));
    if (!delivery)
        return errorResponse(delivery.error());
    if (!*delivery || **delivery == 0)
        return errorResponse(Error::invalid(QStringLiteral("delivery"),
                                            QStringLiteral("is required: the id of the delivery")));

    bool ok = false;
    const int code = r.http.queryValue(QStringLiteral("status")).value_or(QString()).toInt(&ok);
    const auto status = ok ? receiptStatusFromCode(code) : std::nullopt;
    if (!status)
        return errorResponse(Error::invalid(QStringLiteral("status"),
                                            QStringLiteral("must be a Kannel delivery report "
                                                           "type: 1, 2, 4, 8 or 16")));

    auto outcome =
        r.engine.recordReceipt(provider, **delivery, *status,
                               r.http.queryValue(QStringLiteral("smsc_reply")).value_or(QString()));
    if (!outcome)
        return errorResponse(outcome.error());
    return jsonResponse(200, {{QStringLiteral("delivery_id"), **delivery},
                              {QStringLiteral("receipt"), receiptStatusName(*status)},
                              {QStringLiteral("duplicate"), outcome->duplicate}});
}

} // namespace

QList<Route> receiptRoutes()
{
    return {
        {"GET", QStringLiteral("/v1/receipts/kannel/{provider}"), Access::Public,
         QStringLiteral("A delivery report from a Kannel SMS gateway (authenticated by the "
                        "provider's receipt token)"),
         kannelReceipt},
    };
}

} // namespace vc::http
