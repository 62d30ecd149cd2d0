#pragma once

#include "core/Result.h"
#include "http/api/Listener.h"

#include <QObject>
#include <QTimer>

#include <memory>

namespace vc {
class Engine;
}

namespace vc::ui {

// The console's optional HTTP listener: started, stopped and rebound from Settings, with the
// request rate for the status bar. A busy port comes back as an Error to show, never a crash.
class ListenerController : public QObject
{
    Q_OBJECT
public:
    explicit ListenerController(Engine &engine, QObject *parent = nullptr);
    ~ListenerController() override;

    // Starts on `address` ("127.0.0.1:8780"), replacing a running listener.
    Status start(const QString &address);
    void stop();
    bool isRunning() const;
    QString address() const; // where it listens, when running
    double requestsPerSecond() const { return m_rate; }
    http::Listener *listener() const { return m_listener.get(); }

signals:
    void stateChanged();
    void rateChanged(double requestsPerSecond);

private:
    void sample();

    Engine &m_engine;
    std::unique_ptr<http::Listener> m_listener;
    QTimer m_sampler;
    quint64 m_lastCount = 0;
    double m_rate = 0;
};

} // namespace vc::ui
