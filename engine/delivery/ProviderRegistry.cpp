#include "delivery/ProviderRegistry.h"

namespace vc {

void ProviderRegistry::add(std::shared_ptr<DeliveryProvider> provider)
{
    QWriteLocker lock(&m_lock);
    const QString name = provider->name();
    m_providers.insert(name, std::move(provider));
}

void ProviderRegistry::route(Channel channel, const QString &providerName)
{
    QWriteLocker lock(&m_lock);
    m_routes.insert(channel, providerName);
}

std::shared_ptr<DeliveryProvider> ProviderRegistry::byName(const QString &name) const
{
    QReadLocker lock(&m_lock);
    return m_providers.value(name);
}

QString ProviderRegistry::routeFor(Channel channel) const
{
    QReadLocker lock(&m_lock);
    return m_routes.value(channel);
}

} // namespace vc
