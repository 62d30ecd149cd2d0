#pragma once

#include "core/Domain.h"
#include "delivery/DeliveryProvider.h"

#include <QHash>
#include <QReadWriteLock>

#include <functional>
#include <memory>

namespace vc {

// Which provider sends each channel. Jobs record the provider's name when queued, so changing the
// route does not re-route messages already waiting. Thread-safe.
class ProviderRegistry
{
public:
    void add(std::shared_ptr<DeliveryProvider> provider);
    void remove(const QString &name);
    void route(Channel channel, const QString &providerName);
    // Called before every lookup by name, outside the lock: brings configured providers up to
    // date (another process may have changed them).
    void setSync(std::function<void()> sync);

    std::shared_ptr<DeliveryProvider> byName(const QString &name) const;
    QString routeFor(Channel channel) const;

private:
    mutable QReadWriteLock m_lock;
    QHash<QString, std::shared_ptr<DeliveryProvider>> m_providers;
    QHash<Channel, QString> m_routes;
    std::function<void()> m_sync;
};

} // namespace vc
