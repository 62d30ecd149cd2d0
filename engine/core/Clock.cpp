#include "Clock.h"

#include <QDateTime>

namespace vc {

qint64 SystemClock::nowMs() const
{
    return QDateTime::currentMSecsSinceEpoch();
}

} // namespace vc
