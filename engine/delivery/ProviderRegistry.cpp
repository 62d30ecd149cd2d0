#include "delivery/ProviderRegistry.h"

namespace vc {

void ProviderRegistry::add(std::shared_ptr<DeliveryProvider> provider)
{
    QWriteLocker lock(&m_lock);
    const QString name = provider->name();
    m_providers.insert(name, std::move(provider));
}

void ProviderRegistry::remove(const QString &name)
{
    QWriteLocker lock(&m_lock);
    m_providers.remove(name);
}

void ProviderRegistry::setSync(std::function<void()> sync)
{
    QWriteLocker lock(&m_lock);
    m_sync = std::move(sync);
}

void ProviderRegistry::route(Channel channel, const QString &providerName)
{
    QWriteLocker lock(&m_lock);
    m_routes.insert(channel, providerName);
}

std::shared_ptr<DeliveryProvider> ProviderRegistry::byName(const QString &name) const
{
    std::function<void()> sync;
    {
        QReadLocker lock(&m_lock);
        sync = m_sync;
    }
    if (sync)
        sync();
    QReadLocker lock(&m_lock);
    return m_providers.value(name);
}

QString ProviderRegistry::routeFor(Channel channel) const
{
    QReadLocker lock(&m_lock);
    return m_routes.value(channel);
}

} // namespace vc
