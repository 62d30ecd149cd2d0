#include "core/Logging.h"

Q_LOGGING_CATEGORY(lcEngine, "verify.engine", QtInfoMsg)
Q_LOGGING_CATEGORY(lcStore, "verify.store", QtInfoMsg)
Q_LOGGING_CATEGORY(lcDelivery, "verify.delivery", QtInfoMsg)
