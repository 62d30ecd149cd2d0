#pragma once

#include "core/Result.h"
#include "delivery/DeliveryProvider.h"

#include <QJsonObject>
#include <QStringList>

#include <memory>

namespace vc {

// One setting of a provider kind, for forms that edit it (the console's Delivery page).
struct ProviderField
{
    enum class Type
    {
        Text,
        Number,
        Bool,
        Choice,
        Secret, // stored sealed; never shown again
        MultiLine,
    };
    QString key;
    Type type = Type::Text;
    bool required = false;
    QJsonValue defaultValue;
    QStringList choices; // Choice
};

// The settings of a kind, in the order a form shows them.
QList<ProviderField> providerFields(const QString &kind);

// The kinds of provider that can be configured ("smtp", "kannel", "http"), and the channels
// each can send.
QStringList providerKinds();
QList<Channel> channelsOfKind(const QString &kind);

// Builds a configured provider, validating its settings and secrets (an error names the field).
Result<std::shared_ptr<DeliveryProvider>> makeProvider(const QString &name, const QString &kind,
                                                       const QJsonObject &settings,
                                                       const QJsonObject &secrets);

} // namespace vc
