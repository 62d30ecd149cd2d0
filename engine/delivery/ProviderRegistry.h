#pragma once

#include "core/Domain.h"
#include "delivery/DeliveryProvider.h"

#include <QHash>
#include <QReadWriteLock>

#include <memory>

namespace vc {

// Which provider sends each channel. Jobs record the provider's name when queued, so changing the
// route does not re-route messages already waiting. Thread-safe.
class ProviderRegistry
{
public:
    void add(std::shared_ptr<DeliveryProvider> provider);
    void route(Channel channel, const QString &providerName);

    std::shared_ptr<DeliveryProvider> byName(const QString &name) const;
    QString routeFor(Channel channel) const;

private:
    mutable QReadWriteLock m_lock;
    QHash<QString, std::shared_ptr<DeliveryProvider>> m_providers;
    QHash<Channel, QString> m_routes;
};

} // namespace vc
