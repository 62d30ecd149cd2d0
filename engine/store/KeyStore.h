#pragma once

#include "core/ApiKey.h"
#include "core/Result.h"

namespace vc {

class Connection;

// An API key as stored: the shown fields and the keyed hash of its secret.
struct ApiKeyRecord
{
    ApiKeyInfo info;
    QByteArray secretHash;
};

class KeyStore
{
public:
    explicit KeyStore(Connection &c)
        : m_c(c)
    {}

    Status insert(const ApiKeyRecord &key);
    Result<QList<ApiKeyRecord>> all();
    // By id or prefix; nullopt when neither matches.
    Result<std::optional<ApiKeyRecord>> find(const QString &idOrPrefix);
    Status revoke(const QString &id, qint64 at, const QString &by);
    // Records last use without touching the configuration version (no cache reloads).
    Status touch(const QString &prefix, qint64 at);

private:
    Connection &m_c;
};

// The configuration version every process compares with its cached copy of services, templates
// and keys; bumped in the transaction of each change to them.
class ConfigStore
{
public:
    explicit ConfigStore(Connection &c)
        : m_c(c)
    {}
    Result<qint64> version();
    Status bump();

private:
    Connection &m_c;
};

} // namespace vc
