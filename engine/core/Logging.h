#pragma once

#include <QLoggingCategory>

// Logging categories of the engine. Log lines name sessions by id and recipients by their masked
// form only; never a code, a key, a secret or a full recipient.
Q_DECLARE_LOGGING_CATEGORY(lcEngine)
Q_DECLARE_LOGGING_CATEGORY(lcStore)
Q_DECLARE_LOGGING_CATEGORY(lcDelivery)
