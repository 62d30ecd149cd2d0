#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QThreadPool>
#include <QtConcurrent>

#include <functional>

namespace vc::ui {

// One background thread for a page's engine calls. Calls run in the order given (a refresh never
// overtakes the load before it); each result comes back on `context`'s thread unless `context` is
// gone. The destructor waits for the call under way, so none outlives the page or the engine it
// uses. The thread stays for the owner's lifetime: the database connection it opens (and that
// connection's page cache) stays warm between loads.
class SerialWork
{
public:
    SerialWork()
    {
        m_pool.setMaxThreadCount(1);
        m_pool.setExpiryTimeout(-1);
    }
    ~SerialWork() { m_pool.waitForDone(); }
    SerialWork(const SerialWork &) = delete;
    SerialWork &operator=(const SerialWork &) = delete;

    template <typename T>
    void run(QObject *context, std::function<T()> work, std::function<void(T)> done)
    {
        auto *watcher = new QFutureWatcher<T>(context);
        QObject::connect(watcher, &QFutureWatcher<T>::finished, context,
                         [watcher, done = std::move(done)] {
                             done(watcher->result());
                             watcher->deleteLater();
                         });
        watcher->setFuture(QtConcurrent::run(&m_pool, std::move(work)));
    }

private:
    QThreadPool m_pool;
};

} // namespace vc::ui
