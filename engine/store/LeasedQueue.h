#pragma once

#include "core/Result.h"
#include "store/Database.h"

#include <QList>

namespace vc {

// The lease both durable queues (deliveries, webhooks) take on their due rows. `claim` is an
// UPDATE bound to (lease until, now, id, now) that changes the row only while it is still due,
// so two workers never hold the same row; the rows won are read back with `find(id)`, which
// returns Result<std::optional<Row>>.
template <typename Row, typename Find>
Result<QList<Row>> leaseEach(Connection &c, const StaticSql &claim, const QList<qint64> &ids,
                             qint64 now, qint64 leaseMs, Find find)
{
    QList<Row> claimed;
    for (qint64 id : ids) {
        auto u = c.exec(claim, {now + leaseMs, now, id, now});
        if (!u)
            return u.error();
        if (u->rowsAffected() != 1)
            continue;
        auto row = find(id);
        if (!row)
            return row.error();
        if (*row)
            claimed.append(**row);
    }
    return claimed;
}

} // namespace vc
