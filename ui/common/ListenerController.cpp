#include "common/ListenerController.h"

#include "http/api/Metrics.h"

namespace vc::ui {

ListenerController::ListenerController(Engine &engine, QObject *parent)
    : QObject(parent)
    , m_engine(engine)
{
    m_sampler.setInterval(1000);
    connect(&m_sampler, &QTimer::timeout, this, &ListenerController::sample);
}

ListenerController::~ListenerController()
{
    stop();
}

Status ListenerController::start(const QString &address)
{
    if (auto parsed = http::ListenerConfig::parseListen(address); !parsed)
        return parsed.error();
    stop();
    http::ListenerConfig config;
    config.listen = address;
    auto listener = std::make_unique<http::Listener>(m_engine, config);
    if (Status s = listener->start(); !s) {
        emit stateChanged();
        return s;
    }
    m_listener = std::move(listener);
    m_lastCount = m_listener->metrics().requests();
    m_rate = 0;
    m_sampler.start();
    emit stateChanged();
    return {};
}

void ListenerController::stop()
{
    if (!m_listener)
        return;
    m_sampler.stop();
    m_listener->stop(5000);
    m_listener.reset();
    m_rate = 0;
    emit rateChanged(0);
    emit stateChanged();
}

bool ListenerController::isRunning() const
{
    return m_listener && m_listener->isRunning();
}

QString ListenerController::address() const
{
    return m_listener ? m_listener->address() : QString();
}

void ListenerController::sample()
{
    if (!m_listener)
        return;
    const quint64 count = m_listener->metrics().requests();
    m_rate = static_cast<double>(count - m_lastCount);
    m_lastCount = count;
    emit rateChanged(m_rate);
}

} // namespace vc::ui
