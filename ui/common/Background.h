#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QtConcurrent>

#include <functional>

namespace vc::ui {

// Runs `work` on Qt's thread pool and hands its result to `done` on `context`'s thread, unless
// `context` is gone by then: long queries and exports never freeze the window (the engine is
// safe to call from any thread).
template <typename T>
void runInBackground(QObject *context, std::function<T()> work, std::function<void(T)> done)
{
    auto *watcher = new QFutureWatcher<T>(context);
    QObject::connect(watcher, &QFutureWatcher<T>::finished, context, [watcher, done] {
        done(watcher->result());
        watcher->deleteLater();
    });
    watcher->setFuture(QtConcurrent::run(std::move(work)));
}

} // namespace vc::ui
