#pragma once

#include "core/Result.h"
#include "store/Database.h"

#include <QList>

namespace vc {

// The lease both durable queues (deliveries, webhooks) take on their due rows. `claim` is an
// UPDATE bound to (lease until, now, id, now) that changes the row only while it is still due,
// so two workers never hold the same row, and returns the row it won (RETURNING, read by
// `rowFrom`): one statement per row instead of an update and a read.
template <typename Row>
Result<QList<Row>> leaseEach(Connection &c, const StaticSql &claim, const QList<qint64> &ids,
                             qint64 now, qint64 leaseMs, Row (*rowFrom)(const Query &))
{
    QList<Row> claimed;
    for (qint64 id : ids) {
        auto u = c.exec(claim, {now + leaseMs, now, id, now});
        if (!u)
            return u.error();
        if (u->next())
            claimed.append(rowFrom(*u));
    }
    return claimed;
}

} // namespace vc
