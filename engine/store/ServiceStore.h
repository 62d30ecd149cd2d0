#pragma once

#include "core/Result.h"
#include "core/Service.h"
#include "delivery/MessageTemplates.h"

namespace vc {

class Connection;

// Services, their message template overrides, and the deployment's small key-value facts.
class ServiceStore
{
public:
    explicit ServiceStore(Connection &c)
        : m_c(c)
    {}

    Result<QList<Service>> all();
    Result<std::optional<Service>> find(const QString &id);
    // Inserts, or does nothing when the id exists; true when inserted.
    Result<bool> insertIfAbsent(const Service &service);
    Status update(const Service &service);

    // Template overrides of one service and locale, by part.
    Result<QHash<TemplatePart, QString>> templates(const QString &serviceId, const QString &locale);
    Status setTemplate(const QString &serviceId, const QString &locale, TemplatePart part,
                       const QString &body, qint64 now);
    Status removeTemplate(const QString &serviceId, const QString &locale, TemplatePart part);
    struct TemplateRow
    {
        QString serviceId;
        QString locale;
        TemplatePart part;
        QString body;
    };
    Result<QList<TemplateRow>> allTemplates();

    Result<std::optional<QString>> meta(const QString &key);
    Status setMeta(const QString &key, const QString &value);
    // Inserts the value unless the key exists; returns the stored value.
    Result<QString> metaSetIfAbsent(const QString &key, const QString &value);

private:
    Connection &m_c;
};

} // namespace vc
