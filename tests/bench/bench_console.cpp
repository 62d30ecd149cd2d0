// The console on a big database: a generated deployment of 1,000,000 sessions over 90 days, and
// the times the real console pages take on it, measured in an offscreen QApplication.
//
//   generation  The data folder is made once and cached (keyed by session count, days, schema
//               version and generator version): the engine opens a fresh folder (schema, master
//               key, services, API keys), then sessions, their events, deliveries, audit entries
//               and the hourly statistics are bulk-inserted with prepared sqlite3 statements in
//               large transactions. Recipients are sealed, blind-indexed and masked with the
//               engine's own functions, so its searches work on the generated rows.
//   sessions    SessionsPage: first rows after opening the page (new page, new connection),
//               again on the same page, filters, searches by phone number, e-mail and id.
//   dashboard   loadDashboard for Today, 7 and 30 days and 90 days, and DashboardPage refreshes
//               until its figures (cards and charts) are shown.
//   memory      VmRSS / VmHWM of the process after all of that, and after scrolling the sessions
//               table through 5,000 rows.
// Every figure is the median and p95 of --reps repetitions. Run by run_console_bench.sh; never a
// CTest test (timings do not belong in the test suite).
//
// Usage: bench_console [--cache-dir DIR] [--sessions N] [--days D] [--reps R] [--regenerate]
//                      [--generate-only]

#include "MainWindow.h"
#include "common/ConsoleSettings.h"
#include "common/ListenerController.h"
#include "common/Prompter.h"
#include "common/Translator.h"
#include "core/Engine.h"
#include "core/Recipient.h"
#include "core/SessionCrypto.h"
#include "crypto/KeyRing.h"
#include "crypto/MasterSecret.h"
#include "crypto/Uuid.h"
#include "dashboard/DashboardData.h"
#include "dashboard/DashboardPage.h"
#include "sessions/SessionDetailPane.h"
#include "sessions/SessionListModel.h"
#include "sessions/SessionsPage.h"
#include "store/Migrations.h"
#include "store/SqlUtil.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QComboBox>
#include <QCommandLineParser>
#include <QDateEdit>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QLoggingCategory>
#include <QPushButton>
#include <QScrollBar>
#include <QSet>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <sqlite3.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <deque>
#include <fcntl.h>
#include <map>
#include <optional>
#include <random>
#include <tuple>
#include <unistd.h>
#include <vector>

using namespace vc;
using namespace vc::ui;

namespace {

// Bump when the generated data changes shape: the cache key holds it.
constexpr int GeneratorVersion = 2; // 2: number prefix counts
constexpr int TimeoutMs = 120'000;
constexpr qint64 HourMs = 3'600'000;
constexpr qint64 DayMs = 86'400'000;

[[noreturn]] void fail(const QString &message)
{
    std::fprintf(stderr, "bench_console: %s\n", qPrintable(message));
    std::exit(1);
}

template <typename T>
T must(Result<T> r, const char *what)
{
    if (!r)
        fail(QStringLiteral("%1: %2").arg(QLatin1String(what), r.error().toString()));
    return std::move(*r);
}

// ---------------------------------------------------------------------------------------------
// sqlite3, directly: the generator's bulk inserts and the sanity counts.

class Db
{
public:
    explicit Db(const QString &path, bool readOnly = false)
    {
        const int flags = readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
        if (sqlite3_open_v2(QFile::encodeName(path).constData(), &m_db, flags, nullptr) !=
            SQLITE_OK)
            fail(QStringLiteral("cannot open %1").arg(path));
    }
    ~Db() { sqlite3_close_v2(m_db); }
    Db(const Db &) = delete;
    Db &operator=(const Db &) = delete;

    sqlite3 *handle() const { return m_db; }
    void exec(const QString &sql)
    {
        char *error = nullptr;
        if (sqlite3_exec(m_db, sql.toUtf8().constData(), nullptr, nullptr, &error) != SQLITE_OK) {
            const QString text = QString::fromUtf8(error ? error : "?");
            sqlite3_free(error);
            fail(QStringLiteral("%1: %2").arg(sql.left(60), text));
        }
    }

private:
    sqlite3 *m_db = nullptr;
};

class Stmt
{
public:
    Stmt(Db &db, const QString &sql)
        : m_db(db.handle())
    {
        if (sqlite3_prepare_v3(m_db, sql.toUtf8().constData(), -1, SQLITE_PREPARE_PERSISTENT, &m_s,
                               nullptr) != SQLITE_OK)
            fail(QStringLiteral("prepare %1: %2")
                     .arg(sql.left(60), QString::fromUtf8(sqlite3_errmsg(m_db))));
    }
    ~Stmt() { sqlite3_finalize(m_s); }
    Stmt(const Stmt &) = delete;
    Stmt &operator=(const Stmt &) = delete;

    Stmt &bind(int i, qint64 v)
    {
        sqlite3_bind_int64(m_s, i, v);
        return *this;
    }
    Stmt &bind(int i, int v) { return bind(i, static_cast<qint64>(v)); }
    Stmt &bind(int i, const QString &v)
    {
        const QByteArray utf8 = v.toUtf8();
        sqlite3_bind_text64(m_s, i, utf8.constData(), static_cast<sqlite3_uint64>(utf8.size()),
                            SQLITE_TRANSIENT, SQLITE_UTF8);
        return *this;
    }
    Stmt &bindBlob(int i, const QByteArray &v)
    {
        sqlite3_bind_blob64(m_s, i, v.constData(), static_cast<sqlite3_uint64>(v.size()),
                            SQLITE_TRANSIENT);
        return *this;
    }
    Stmt &bindNull(int i)
    {
        sqlite3_bind_null(m_s, i);
        return *this;
    }
    Stmt &bindText(int i, const QString &v) { return v.isEmpty() ? bindNull(i) : bind(i, v); }
    Stmt &bind(int i, const std::optional<qint64> &v) { return v ? bind(i, *v) : bindNull(i); }

    // Runs a statement that returns no rows.
    void run()
    {
        if (sqlite3_step(m_s) != SQLITE_DONE)
            fail(QStringLiteral("step: %1").arg(QString::fromUtf8(sqlite3_errmsg(m_db))));
        sqlite3_reset(m_s);
        sqlite3_clear_bindings(m_s);
    }
    bool next() { return sqlite3_step(m_s) == SQLITE_ROW; }
    qint64 i64(int col) const { return sqlite3_column_int64(m_s, col); }
    QString str(int col) const
    {
        return QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(m_s, col)));
    }
    void reset()
    {
        sqlite3_reset(m_s);
        sqlite3_clear_bindings(m_s);
    }

private:
    sqlite3 *m_db;
    sqlite3_stmt *m_s = nullptr;
};

qint64 scalar(Db &db, const QString &sql, const QList<qint64> &binds = {})
{
    Stmt s(db, sql);
    for (int i = 0; i < binds.size(); ++i)
        s.bind(i + 1, binds.at(i));
    return s.next() ? s.i64(0) : -1;
}

// ---------------------------------------------------------------------------------------------
// The generator.

struct ServiceSpec
{
    const char *id;
    const char *name;
    const char *appName;
    double share;
    int codeLength;
    int maxAttempts;
    int ttlSeconds;
    bool sms, voice, email;
    const char *referencePrefix; // nullptr: no references
    const char *callbackUrl;     // nullptr: no callbacks
};

// Seven services from big to tiny: "pharmacy" (3 %) and "kiosk" (0.1 %) are the selective ones.
const ServiceSpec kServices[] = {
    {"default", "Web shop", "Nordlys Shop", 0.38, 6, 5, 300, true, true, true, "order-",
     "https://shop.example.no/hooks/verify"},
    {"bank", "Online bank", "Fjordbank", 0.27, 8, 3, 180, true, true, false, nullptr, nullptr},
    {"insurance", "Insurance portal", "Trygg", 0.14, 6, 5, 600, true, true, true, "claim-",
     nullptr},
    {"travel", "Travel bookings", "Nordreise", 0.12, 6, 5, 300, true, false, true, "booking-",
     "https://travel.example.com/verify/callback"},
    {"gaming", "Game accounts", "Polarspill", 0.059, 6, 5, 300, true, false, true, nullptr,
     nullptr},
    {"pharmacy", "Pharmacy", "Apotek Nord", 0.03, 6, 5, 300, true, true, true, "rx-", nullptr},
    {"kiosk", "Kiosk terminals", "Kiosk", 0.001, 4, 5, 120, true, false, false, nullptr, nullptr},
};
constexpr int ServiceCount = static_cast<int>(std::size(kServices));
constexpr int MaxResends = 3;
constexpr int ResendCooldownSeconds = 30;
const QString kProvider = QStringLiteral("local_outbox");

// What the generator tells the benchmark about the data (bench-meta.json in the data folder).
struct Generated
{
    QString dir;
    qint64 sessions = 0;
    int days = 0;
    qint64 nowMs = 0; // the generation's "now": the benchmark's clock stands there
    double generationSeconds = 0;
    qint64 databaseBytes = 0;
    QString knownPhone;
    qint64 knownPhoneSessions = 0;
    QString knownEmail;
    qint64 knownEmailSessions = 0;
    QString knownSessionId;
    qint64 events = 0;
    qint64 deliveries = 0;
    QJsonObject statusCounts;

    QJsonObject toJson() const
    {
        return {{QStringLiteral("sessions"), sessions},
                {QStringLiteral("days"), days},
                {QStringLiteral("now_ms"), nowMs},
                {QStringLiteral("generation_seconds"), generationSeconds},
                {QStringLiteral("database_bytes"), databaseBytes},
                {QStringLiteral("known_phone"), knownPhone},
                {QStringLiteral("known_phone_sessions"), knownPhoneSessions},
                {QStringLiteral("known_email"), knownEmail},
                {QStringLiteral("known_email_sessions"), knownEmailSessions},
                {QStringLiteral("known_session_id"), knownSessionId},
                {QStringLiteral("events"), events},
                {QStringLiteral("deliveries"), deliveries},
                {QStringLiteral("status_counts"), statusCounts},
                {QStringLiteral("schema_version"), Migrations::latestVersion()},
                {QStringLiteral("generator_version"), GeneratorVersion}};
    }
    static Generated fromJson(const QString &dir, const QJsonObject &o)
    {
        Generated g;
        g.dir = dir;
        g.sessions = o.value(QStringLiteral("sessions")).toInteger();
        g.days = o.value(QStringLiteral("days")).toInt();
        g.nowMs = o.value(QStringLiteral("now_ms")).toInteger();
        g.generationSeconds = o.value(QStringLiteral("generation_seconds")).toDouble();
        g.databaseBytes = o.value(QStringLiteral("database_bytes")).toInteger();
        g.knownPhone = o.value(QStringLiteral("known_phone")).toString();
        g.knownPhoneSessions = o.value(QStringLiteral("known_phone_sessions")).toInteger();
        g.knownEmail = o.value(QStringLiteral("known_email")).toString();
        g.knownEmailSessions = o.value(QStringLiteral("known_email_sessions")).toInteger();
        g.knownSessionId = o.value(QStringLiteral("known_session_id")).toString();
        g.events = o.value(QStringLiteral("events")).toInteger();
        g.deliveries = o.value(QStringLiteral("deliveries")).toInteger();
        g.statusCounts = o.value(QStringLiteral("status_counts")).toObject();
        return g;
    }
};

// A recipient as the engine derives it from what a caller sends.
struct Person
{
    QString normalised;
    QString masked;
    QString region;
    QString numberType;
    int callingCode = 0;
    QByteArray index; // blind index, as the engine computes it
};

struct EventRow
{
    qint64 at;
    QString type;
    QString actor;
    QJsonObject detail;
};

struct DeliveryRowGen
{
    qint64 id = 0;
    Channel channel = Channel::Sms;
    QString state;
    int attempts = 0;
    qint64 nextAttemptAt = 0;
    QString lastError;
    qint64 createdAt = 0;
    qint64 updatedAt = 0;
    std::optional<qint64> sentAt;
};

class Generator
{
public:
    Generator(const QString &dir, qint64 sessions, int days)
        : m_dir(dir)
        , m_sessions(sessions)
        , m_days(days)
        , m_rng(20261122)
    {}

    Generated run();

private:
    double uniform() { return std::uniform_real_distribution<double>(0.0, 1.0)(m_rng); }
    bool chance(double p) { return uniform() < p; }
    qint64 between(qint64 lo, qint64 hi) // inclusive
    {
        return std::uniform_int_distribution<qint64>(lo, hi)(m_rng);
    }
    QString digits(int n)
    {
        QString s;
        for (int i = 0; i < n; ++i)
            s += QChar(u'0' + static_cast<char16_t>(between(0, 9)));
        return s;
    }

    void setUpEngine();
    void makePeople();
    void makeSession(qint64 createdAt, bool openWindow);
    void addEvent(qint64 at, const QString &type, const QString &actor, const QJsonObject &detail)
    {
        m_events.push_back({at, type, actor, detail});
    }
    void countEvent(qint64 at, int service, Channel channel, const char *event)
    {
        ++m_eventStats[{sql::hourStart(at), service, static_cast<int>(channel),
                        QString::fromLatin1(event)}];
    }
    QJsonObject where(const DeliveryRowGen &d, int attempt) const
    {
        return {{QStringLiteral("delivery_id"), d.id},
                {QStringLiteral("provider"), kProvider},
                {QStringLiteral("channel"), channelName(d.channel)},
                {QStringLiteral("attempt"), attempt}};
    }

    QString m_dir;
    qint64 m_sessions;
    int m_days;
    std::mt19937_64 m_rng;
    qint64 m_now = 0;
    std::unique_ptr<SessionCrypto> m_crypto;
    QString m_keyActor[ServiceCount];
    const QString m_operator = QStringLiteral("operator:kari");

    std::vector<Person> m_phones;
    std::vector<Person> m_emails;
    std::vector<int> m_phoneUse;
    std::vector<int> m_emailUse;

    std::unique_ptr<Db> m_db;
    std::unique_ptr<Stmt> m_insertSession, m_insertEvent, m_insertDelivery, m_insertAudit;
    std::vector<EventRow> m_events;
    std::vector<DeliveryRowGen> m_deliveries;
    qint64 m_nextDeliveryId = 1;
    qint64 m_eventCount = 0;
    qint64 m_made = 0;
    QString m_knownSessionId;
    std::map<QString, qint64> m_statusCounts;
    // (hour, service, channel, status) -> sessions; (hour, service, channel, event) -> count
    std::map<std::tuple<qint64, int, int, int>, qint64> m_sessionStats;
    struct PrefixCount
    {
        QString region;
        qint64 started = 0;
        qint64 verified = 0;
    };
    std::map<std::tuple<qint64, int, QString>, PrefixCount> m_prefixStats;
    std::map<std::tuple<qint64, int, int, QString>, qint64> m_eventStats;
};

void Generator::setUpEngine()
{
    // The engine makes the folder, the master key, the schema and the default service; the
    // other services and one API key per service go through its facade too, at the start of the
    // generated period.
    auto clock = std::make_shared<ManualClock>(m_now - qint64(m_days) * DayMs - HourMs);
    EngineConfig config;
    config.dataDir = m_dir;
    config.sync = SyncMode::Normal;
    auto engine = must(Engine::open(config, clock), "open the engine");
    const Actor admin{QStringLiteral("operator"), QStringLiteral("kari"), true};
    for (int i = 0; i < ServiceCount; ++i) {
        const ServiceSpec &s = kServices[i];
        QJsonArray channels;
        if (s.sms)
            channels.append(QStringLiteral("sms"));
        if (s.voice)
            channels.append(QStringLiteral("voice"));
        if (s.email)
            channels.append(QStringLiteral("email"));
        const QJsonObject settings{{QStringLiteral("name"), QString::fromUtf8(s.name)},
                                   {QStringLiteral("app_name"), QString::fromUtf8(s.appName)},
                                   {QStringLiteral("code_length"), s.codeLength},
                                   {QStringLiteral("max_attempts"), s.maxAttempts},
                                   {QStringLiteral("ttl_seconds"), s.ttlSeconds},
                                   {QStringLiteral("channels"), channels},
                                   {QStringLiteral("starts_per_recipient_per_hour"), 20}};
        const QString id = QString::fromLatin1(s.id);
        if (id == QLatin1String("default"))
            must(engine->updateService(id, settings, admin), "update the default service");
        else
            must(engine->createService(id, settings, admin), "create a service");
        const IssuedKey key =
            must(engine->createKey({QString::fromUtf8(s.name) + QStringLiteral(" backend"),
                                    QStringLiteral("verify"),
                                    id,
                                    {}},
                                   admin),
                 "create an API key");
        m_keyActor[i] = QStringLiteral("api_key:") + key.info.prefix;
    }
    engine.reset();

    // The engine's own keys, for sealing and indexing recipients exactly as it does.
    auto secret = must(MasterSecret::loadOrCreate(m_dir + QStringLiteral("/master.key")),
                       "read the master secret");
    auto keys = must(KeyRing::derive(secret), "derive the keys");
    m_crypto = std::make_unique<SessionCrypto>(keys);
}

void Generator::makePeople()
{
    // Phone numbers from Norway, Sweden, Denmark and Finland, parsed by the engine's own
    // libphonenumber code (invalid candidates are dropped, like the engine refuses them).
    const int phoneTarget =
        static_cast<int>(qBound(qint64(1000), m_sessions * 3 / 10, qint64(300000)));
    const int emailTarget = static_cast<int>(qBound(qint64(500), m_sessions / 8, qint64(125000)));
    static const char *const dkPrefixes[] = {"20", "21", "22", "23", "24", "25", "26", "27",
                                             "28", "29", "30", "31", "40", "41", "42", "50",
                                             "51", "52", "53", "60", "61", "71", "81", "91"};
    static const char *const fiPrefixes[] = {"40", "41", "44", "45", "46", "50"};
    static const char *const sePrefixes[] = {"70", "72", "73", "76", "79"};
    QSet<QString> seen;
    while (static_cast<int>(m_phones.size()) < phoneTarget) {
        const double r = uniform();
        QString candidate;
        if (r < 0.5)
            candidate = QStringLiteral("+47") + (chance(0.5) ? u'9' : u'4') + digits(7);
        else if (r < 0.75)
            candidate =
                QStringLiteral("+46") + QLatin1String(sePrefixes[between(0, 4)]) + digits(7);
        else if (r < 0.9)
            candidate =
                QStringLiteral("+45") + QLatin1String(dkPrefixes[between(0, 23)]) + digits(6);
        else
            candidate =
                QStringLiteral("+358") + QLatin1String(fiPrefixes[between(0, 5)]) + digits(7);
        if (seen.contains(candidate))
            continue;
        auto parsed = Recipients::parsePhone(candidate);
        if (!parsed)
            continue;
        seen.insert(candidate);
        m_phones.push_back({parsed->normalised, parsed->masked, parsed->region, parsed->numberType,
                            parsed->callingCode, m_crypto->recipientIndex(parsed->indexForm)});
    }
    static const char *const first[] = {"kari",  "ola",   "anna",  "erik",  "ingrid", "lars",
                                        "sofia", "mikko", "emma",  "jonas", "maja",   "aino",
                                        "nils",  "freja", "oskar", "liv",   "henrik", "saga"};
    static const char *const last[] = {"nordmann", "hansen",   "johansson", "nielsen",
                                       "virtanen", "larsen",   "andersson", "jensen",
                                       "korhonen", "olsen",    "berg",      "lindqvist",
                                       "pedersen", "nieminen", "dahl",      "holm"};
    static const char *const domains[] = {"gmail.com", "outlook.com", "online.no",
                                          "telia.com", "hotmail.com", "example.org",
                                          "firma.no",  "posteo.de",   "icloud.com"};
    constexpr int names = static_cast<int>(std::size(first) * std::size(last));
    for (int i = 0; static_cast<int>(m_emails.size()) < emailTarget; ++i) {
        QString local = QLatin1String(first[i % std::size(first)]) + u'.' +
                        QLatin1String(last[(i / std::size(first)) % std::size(last)]);
        if (i >= names)
            local += QString::number(i / names);
        // Some addresses are given with capitals: the index is over the lower-cased form.
        if (i % 7 == 0)
            local[0] = local[0].toUpper();
        auto parsed = Recipients::parseEmail(local + u'@' + QLatin1String(domains[between(0, 8)]));
        if (!parsed)
            fail(
                QStringLiteral("generated e-mail address refused: %1").arg(parsed.error().message));
        m_emails.push_back({parsed->normalised,
                            parsed->masked,
                            {},
                            {},
                            0,
                            m_crypto->recipientIndex(parsed->indexForm)});
    }
    m_phoneUse.assign(m_phones.size(), 0);
    m_emailUse.assign(m_emails.size(), 0);
}

void Generator::makeSession(qint64 t0, bool openWindow)
{
    // Service, channel and recipient.
    int service = 0;
    for (double r = uniform(), acc = 0; service < ServiceCount - 1; ++service) {
        acc += kServices[service].share;
        if (r < acc)
            break;
    }
    const ServiceSpec &svc = kServices[service];
    const QString serviceId = QString::fromLatin1(svc.id);
    Channel channel = Channel::Sms;
    {
        const double w[] = {svc.sms ? 0.60 : 0, svc.voice ? 0.12 : 0, svc.email ? 0.28 : 0};
        double r = uniform() * (w[0] + w[1] + w[2]);
        channel = r < w[0] ? Channel::Sms : (r < w[0] + w[1] ? Channel::Voice : Channel::Email);
    }
    const bool phone = channel != Channel::Email;
    // A few thousand regulars come back often; everybody else now and then.
    std::vector<Person> &pool = phone ? m_phones : m_emails;
    const qint64 poolSize = static_cast<qint64>(pool.size());
    const qint64 who =
        chance(0.15) ? between(0, qMin<qint64>(3000, poolSize) - 1) : between(0, poolSize - 1);
    const Person &person = pool[static_cast<size_t>(who)];
    ++(phone ? m_phoneUse : m_emailUse)[static_cast<size_t>(who)];

    const QString id = newUuid7(t0);
    if (id.isEmpty())
        fail(QStringLiteral("no random numbers for a session id"));
    if (m_made == m_sessions / 3)
        m_knownSessionId = id;
    const QString locale = phone ? localeForRegion(person.region).value_or(QStringLiteral("en"))
                                 : (chance(0.6) ? QStringLiteral("nb") : QStringLiteral("en"));
    const QString apiActor = m_keyActor[service];
    QString reference;
    if (svc.referencePrefix && chance(0.7))
        reference = QLatin1String(svc.referencePrefix) + QString::number(between(100000, 999999));
    const QString callback = svc.callbackUrl ? QString::fromLatin1(svc.callbackUrl) : QString();
    QString clientIp;
    if (chance(0.6))
        clientIp = QStringLiteral("%1.%2.%3.%4")
                       .arg(between(77, 95))
                       .arg(between(0, 255))
                       .arg(between(0, 255))
                       .arg(between(1, 254));

    m_events.clear();
    m_deliveries.clear();
    const qint64 ttlMs = qint64(svc.ttlSeconds) * 1000;
    SessionStatus status = SessionStatus::Pending;
    int attempts = 0;
    int resends = 0;
    qint64 lastSent = t0;
    qint64 expires = t0 + ttlMs;
    std::optional<qint64> deliveredAt, verifiedAt, finishedAt;

    QJsonObject created{{QStringLiteral("service_id"), serviceId},
                        {QStringLiteral("channel"), channelName(channel)},
                        {QStringLiteral("recipient"), person.masked},
                        {QStringLiteral("code_length"), svc.codeLength},
                        {QStringLiteral("ttl_seconds"), svc.ttlSeconds},
                        {QStringLiteral("locale"), locale}};
    if (!reference.isEmpty())
        created.insert(QStringLiteral("reference"), reference);
    addEvent(t0, QStringLiteral("created"), apiActor, created);
    if (phone)
        addEvent(t0, QStringLiteral("lookup"), QStringLiteral("system"),
                 {{QStringLiteral("country"), person.region},
                  {QStringLiteral("calling_code"), person.callingCode},
                  {QStringLiteral("number_type"), person.numberType}});
    DeliveryRowGen first;
    first.id = m_nextDeliveryId++;
    first.channel = channel;
    first.createdAt = t0;
    addEvent(t0, QStringLiteral("queued"), QStringLiteral("system"),
             {{QStringLiteral("delivery_id"), first.id},
              {QStringLiteral("provider"), kProvider},
              {QStringLiteral("channel"), channelName(channel)}});

    enum class Fate
    {
        Verified,
        Expired,
        Cancelled,
        Locked,
        DeliveryFailed
    };
    Fate fate = Fate::Verified;
    const double r = uniform();
    if (openWindow)
        fate = r < 0.8 ? Fate::Verified : Fate::Expired;
    else if (r < 0.80)
        fate = Fate::Verified;
    else if (r < 0.91)
        fate = Fate::Expired;
    else if (r < 0.94)
        fate = Fate::Cancelled;
    else if (r < 0.98)
        fate = Fate::Locked;
    else
        fate = Fate::DeliveryFailed;

    const auto checkFailed = [&](qint64 at) {
        ++attempts;
        addEvent(at, QStringLiteral("check_failed"), apiActor,
                 {{QStringLiteral("attempt"), attempts},
                  {QStringLiteral("attempts_remaining"), svc.maxAttempts - attempts}});
        countEvent(at, service, channel, "check_failed");
    };
    const auto finish = [&](SessionStatus to, qint64 at) {
        status = to;
        finishedAt = at;
    };

    if (fate == Fate::DeliveryFailed) {
        // Two attempts, the second refused for good; at expiry the session fails.
        const qint64 a1 = t0 + between(300, 1500);
        const qint64 retryAt = a1 + between(2000, 2400);
        QJsonObject d1 = where(first, 1);
        d1.insert(QStringLiteral("error"), QStringLiteral("provider unavailable (503)"));
        d1.insert(QStringLiteral("will_retry"), true);
        d1.insert(QStringLiteral("retry_at"), retryAt);
        addEvent(a1, QStringLiteral("delivery_failed"), QStringLiteral("system"), d1);
        countEvent(a1, service, channel, "delivery_failed");
        const qint64 a2 = retryAt + between(200, 1500);
        QJsonObject d2 = where(first, 2);
        d2.insert(QStringLiteral("error"), QStringLiteral("recipient unreachable"));
        d2.insert(QStringLiteral("will_retry"), false);
        addEvent(a2, QStringLiteral("delivery_failed"), QStringLiteral("system"), d2);
        countEvent(a2, service, channel, "delivery_failed");
        first.state = QStringLiteral("failed");
        first.attempts = 2;
        first.lastError = QStringLiteral("recipient unreachable");
        first.updatedAt = a2;
        first.nextAttemptAt = a2 - 150 + 60'000;
        m_deliveries.push_back(first);
        finish(SessionStatus::Failed, expires);
        addEvent(expires + between(0, 5000), QStringLiteral("failed"), QStringLiteral("system"),
                 {{QStringLiteral("reason"), QStringLiteral("delivery_failed")}});
    } else {
        const qint64 sent = t0 + between(300, 2500);
        first.state = QStringLiteral("sent");
        first.attempts = 1;
        first.sentAt = sent;
        first.updatedAt = sent;
        first.nextAttemptAt = sent - 150 + 60'000;
        m_deliveries.push_back(first);
        addEvent(sent, QStringLiteral("sent"), QStringLiteral("system"), where(first, 1));
        countEvent(sent, service, channel, "sent");
        const qint64 delivered = sent + (phone ? between(1500, 9000) : between(200, 2000));
        if (!openWindow || delivered <= m_now) {
            status = SessionStatus::Delivered;
            deliveredAt = delivered;
            addEvent(delivered, QStringLiteral("delivered"), QStringLiteral("system"),
                     where(first, 1));
        }
        const qint64 base = deliveredAt.value_or(sent);
        switch (fate) {
        case Fate::Verified: {
            qint64 t = base + between(8'000, 60'000);
            const double how = uniform();
            if (!openWindow && how < 0.12) { // a slip first
                checkFailed(t);
                t += between(5'000, 20'000);
            } else if (!openWindow && how < 0.18) { // asked for a new code, by voice sometimes
                const qint64 tr =
                    qMax(base, lastSent + ResendCooldownSeconds * 1000) + between(0, 60'000);
                const Channel to = phone && svc.voice && chance(0.5) ? Channel::Voice : channel;
                const QString actor = chance(1.0 / 3) ? m_operator : apiActor;
                DeliveryRowGen second;
                second.id = m_nextDeliveryId++;
                second.channel = to;
                second.createdAt = tr;
                ++resends;
                QJsonObject detail{{QStringLiteral("channel"), channelName(to)},
                                   {QStringLiteral("resend"), resends},
                                   {QStringLiteral("resends_remaining"), MaxResends - resends},
                                   {QStringLiteral("delivery_id"), second.id},
                                   {QStringLiteral("provider"), kProvider}};
                if (to != channel)
                    detail.insert(QStringLiteral("previous_channel"), channelName(channel));
                addEvent(tr, QStringLiteral("resent"), actor, detail);
                if (actor == m_operator) {
                    m_insertAudit->bind(1, tr)
                        .bind(2, actor)
                        .bind(3, QStringLiteral("session.resend"))
                        .bind(4, QStringLiteral("session"))
                        .bind(5, id)
                        .bind(6, sql::jsonText(detail))
                        .run();
                }
                countEvent(tr, service, to, "resent");
                const qint64 sent2 = tr + between(300, 2000);
                second.state = QStringLiteral("sent");
                second.attempts = 1;
                second.sentAt = sent2;
                second.updatedAt = sent2;
                second.nextAttemptAt = sent2 - 150 + 60'000;
                m_deliveries.push_back(second);
                addEvent(sent2, QStringLiteral("sent"), QStringLiteral("system"), where(second, 1));
                countEvent(sent2, service, to, "sent");
                channel = to;
                lastSent = tr;
                expires = tr + ttlMs;
                t = sent2 + between(10'000, 40'000);
            }
            t = qMin(t, expires - 1000);
            if (openWindow && (status == SessionStatus::Pending || t > m_now))
                break; // still open now
            status = SessionStatus::Verified;
            verifiedAt = t;
            finish(SessionStatus::Verified, t);
            addEvent(t, QStringLiteral("verified"), apiActor,
                     {{QStringLiteral("attempts"), attempts}});
            break;
        }
        case Fate::Expired:
            if (!openWindow && chance(0.3))
                checkFailed(base + between(10'000, 60'000));
            break; // below
        case Fate::Cancelled: {
            const qint64 tc = qMin(base + between(10'000, 120'000), expires - 1000);
            const QString actor = chance(0.25) ? m_operator : apiActor;
            addEvent(tc, QStringLiteral("cancelled"), actor, {{QStringLiteral("by"), actor}});
            if (actor == m_operator)
                m_insertAudit->bind(1, tc)
                    .bind(2, actor)
                    .bind(3, QStringLiteral("session.cancel"))
                    .bind(4, QStringLiteral("session"))
                    .bind(5, id)
                    .bind(6, sql::jsonText({{QStringLiteral("recipient"), person.masked}}))
                    .run();
            finish(SessionStatus::Cancelled, tc);
            break;
        }
        case Fate::Locked: {
            qint64 t = base + between(8'000, 30'000);
            for (int k = 0; k < svc.maxAttempts; ++k) {
                if (k > 0)
                    t += between(3'000, 15'000);
                checkFailed(t);
            }
            finish(SessionStatus::Failed, t);
            addEvent(t, QStringLiteral("locked"), QStringLiteral("system"),
                     {{QStringLiteral("attempts"), attempts}});
            break;
        }
        case Fate::DeliveryFailed:
            break;
        }
        // Open sessions whose time is up by now expire (at their expiry time, like the sweep).
        if (!isFinal(status) && (!openWindow || expires <= m_now)) {
            finish(SessionStatus::Expired, expires);
            addEvent(expires, QStringLiteral("expired"), QStringLiteral("system"), {});
        }
    }

    // The session row, exactly as SessionStore::insert writes it.
    QByteArray codeHash;
    if (!isFinal(status)) {
        const SecureBytes code(QByteArray::number(between(0, 999999)).rightJustified(6, '0'));
        codeHash = m_crypto->codes().hash(id, code);
    }
    const QByteArray sealed = must(m_crypto->sealRecipient(id, person.normalised), "seal");
    Stmt &s = *m_insertSession;
    s.bind(1, id)
        .bind(2, serviceId)
        .bind(3, channelName(channel))
        .bind(4, statusName(status))
        .bind(5, person.masked)
        .bind(6, person.region)
        .bind(7, locale)
        .bind(8, svc.codeLength)
        .bind(9, codeTypeName(CodeType::Numeric))
        .bind(10, attempts)
        .bind(11, svc.maxAttempts)
        .bind(12, resends)
        .bind(13, MaxResends)
        .bindText(14, reference)
        .bindText(15, callback)
        .bindText(16, clientIp)
        .bind(17, t0)
        .bind(18, expires)
        .bind(19, lastSent)
        .bind(20, deliveredAt)
        .bind(21, verifiedAt)
        .bind(22, finishedAt)
        .bindBlob(23, person.index)
        .bindBlob(24, sealed);
    if (codeHash.isEmpty())
        s.bindNull(25);
    else
        s.bindBlob(25, codeHash);
    s.bind(26, ResendCooldownSeconds).bind(27, svc.ttlSeconds).run();

    for (const EventRow &e : m_events)
        m_insertEvent->bind(1, id)
            .bind(2, e.at)
            .bind(3, e.type)
            .bind(4, e.actor)
            .bind(5, sql::jsonText(e.detail))
            .run();
    m_eventCount += static_cast<qint64>(m_events.size());
    for (const DeliveryRowGen &d : m_deliveries)
        m_insertDelivery->bind(1, d.id)
            .bind(2, id)
            .bind(3, channelName(d.channel))
            .bind(4, kProvider)
            .bind(5, d.state)
            .bind(6, d.attempts)
            .bind(7, d.nextAttemptAt)
            .bindText(8, d.lastError)
            .bind(9, d.createdAt)
            .bind(10, d.updatedAt)
            .bind(11, d.sentAt)
            .run();

    ++m_sessionStats[{sql::hourStart(t0), service, static_cast<int>(channel),
                      static_cast<int>(status)}];
    if (phone) { // the SMS-pumping signals' counts, as Engine::start and check keep them
        PrefixCount &p =
            m_prefixStats[{sql::hourStart(t0), service,
                           Recipients::numberPrefix(person.normalised, person.callingCode)}];
        p.region = person.region;
        ++p.started;
        p.verified += status == SessionStatus::Verified ? 1 : 0;
    }
    ++m_statusCounts[statusName(status)];
    ++m_made;
}

Generated Generator::run()
{
    QElapsedTimer timer;
    timer.start();
    m_now = QDateTime::currentMSecsSinceEpoch();
    setUpEngine();
    makePeople();
    std::fprintf(stderr, "  %zu phone numbers and %zu e-mail addresses prepared (%.0f s)\n",
                 m_phones.size(), m_emails.size(), timer.elapsed() / 1000.0);

    const QString dbPath = m_dir + QStringLiteral("/verify.db");
    m_db = std::make_unique<Db>(dbPath);
    Db &db = *m_db;
    // Bulk-load settings, for this connection only; the file goes back to WAL at the end.
    db.exec(QStringLiteral("PRAGMA journal_mode=OFF"));
    db.exec(QStringLiteral("PRAGMA synchronous=OFF"));
    db.exec(QStringLiteral("PRAGMA cache_size=-400000"));
    db.exec(QStringLiteral("PRAGMA foreign_keys=OFF"));
    // The secondary indexes are dropped and made again afterwards from their own SQL (a sorted
    // build instead of a million random inserts): the schema stays exactly the migrations'.
    QList<std::pair<QString, QString>> indexes;
    {
        Stmt q(db, QStringLiteral("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND "
                                  "sql IS NOT NULL AND tbl_name IN ('sessions', "
                                  "'session_events', 'deliveries', 'audit_log') ORDER BY name"));
        while (q.next())
            indexes.append({q.str(0), q.str(1)});
    }
    for (const auto &index : std::as_const(indexes))
        db.exec(QStringLiteral("DROP INDEX ") + index.first);

    m_insertSession = std::make_unique<Stmt>(
        db, QStringLiteral(
                "INSERT INTO sessions (id, service_id, channel, status, recipient_masked, "
                "recipient_region, locale, code_length, code_type, attempts, max_attempts, "
                "resends, max_resends, reference, callback_url, client_ip, created_at, "
                "expires_at, last_sent_at, delivered_at, verified_at, finished_at, "
                "recipient_index, recipient_sealed, code_hash, resend_cooldown_seconds, "
                "ttl_seconds) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                "?, ?, ?, ?, ?, ?, ?)"));
    m_insertEvent = std::make_unique<Stmt>(
        db, QStringLiteral("INSERT INTO session_events (session_id, at, type, actor, detail) "
                           "VALUES (?, ?, ?, ?, ?)"));
    m_insertDelivery = std::make_unique<Stmt>(
        db, QStringLiteral("INSERT INTO deliveries (id, session_id, channel, provider, state, "
                           "attempts, next_attempt_at, payload_sealed, provider_message_id, "
                           "last_error, created_at, updated_at, sent_at) VALUES (?, ?, ?, ?, "
                           "?, ?, ?, NULL, NULL, ?, ?, ?, ?)"));
    m_insertAudit = std::make_unique<Stmt>(
        db, QStringLiteral("INSERT INTO audit_log (at, actor, action, target_type, target_id, "
                           "detail) VALUES (?, ?, ?, ?, ?, ?)"));

    // Sessions per hour follow the day (quiet at night, busy in the evening), the week (less at
    // weekends) and a slow growth over the period; the total is exactly m_sessions.
    static const double byHour[24] = {0.15, 0.08, 0.05, 0.04, 0.05, 0.12, 0.35, 0.7,
                                      1.0,  1.1,  1.15, 1.2,  1.25, 1.2,  1.15, 1.15,
                                      1.2,  1.3,  1.45, 1.5,  1.4,  1.1,  0.7,  0.35};
    const qint64 start = m_now - qint64(m_days) * DayMs;
    const int hours = m_days * 24;
    std::vector<double> weight(static_cast<size_t>(hours));
    double sum = 0;
    for (int h = 0; h < hours; ++h) {
        const qint64 at = start + qint64(h) * HourMs;
        const QDateTime local = QDateTime::fromMSecsSinceEpoch(at + HourMs / 2);
        const bool weekend = local.date().dayOfWeek() >= 6;
        const double growth = 0.85 + 0.3 * h / hours;
        weight[static_cast<size_t>(h)] =
            byHour[local.time().hour()] * (weekend ? 0.75 : 1.0) * growth;
        sum += weight[static_cast<size_t>(h)];
    }
    const qint64 openFrom = m_now - 15 * 60'000; // younger sessions may still be open now
    double cumulative = 0;
    qint64 made = 0;
    std::vector<qint64> times;
    db.exec(QStringLiteral("BEGIN"));
    for (int h = 0; h < hours; ++h) {
        cumulative += weight[static_cast<size_t>(h)];
        const qint64 upTo = std::llround(double(m_sessions) * cumulative / sum);
        const qint64 slot = start + qint64(h) * HourMs;
        times.clear();
        for (qint64 i = made; i < upTo; ++i)
            times.push_back(qMin(slot + between(0, HourMs - 1), m_now - 5000));
        std::sort(times.begin(), times.end());
        for (qint64 t : times) {
            makeSession(t, t >= openFrom);
            if (m_made % 25'000 == 0) {
                db.exec(QStringLiteral("COMMIT"));
                db.exec(QStringLiteral("BEGIN"));
            }
            if (m_made % 100'000 == 0)
                std::fprintf(stderr, "  %lld sessions (%.0f s)\n", static_cast<long long>(m_made),
                             timer.elapsed() / 1000.0);
        }
        made = upTo;
    }

    // The hourly statistics, from the same rows.
    {
        Stmt s(db, QStringLiteral("INSERT INTO stats_hourly (hour_start, service_id, channel, "
                                  "status, sessions) VALUES (?, ?, ?, ?, ?)"));
        for (const auto &[key, count] : m_sessionStats)
            s.bind(1, std::get<0>(key))
                .bind(2, QString::fromLatin1(kServices[std::get<1>(key)].id))
                .bind(3, channelName(static_cast<Channel>(std::get<2>(key))))
                .bind(4, statusName(static_cast<SessionStatus>(std::get<3>(key))))
                .bind(5, count)
                .run();
        Stmt p(db, QStringLiteral("INSERT INTO prefix_stats_hourly (hour_start, service_id, "
                                  "prefix, region, started, verified) VALUES (?, ?, ?, ?, ?, ?)"));
        for (const auto &[key, count] : m_prefixStats)
            p.bind(1, std::get<0>(key))
                .bind(2, QString::fromLatin1(kServices[std::get<1>(key)].id))
                .bind(3, std::get<2>(key))
                .bind(4, count.region)
                .bind(5, count.started)
                .bind(6, count.verified)
                .run();
        Stmt e(db, QStringLiteral("INSERT INTO stats_hourly_events (hour_start, service_id, "
                                  "channel, event, count) VALUES (?, ?, ?, ?, ?)"));
        for (const auto &[key, count] : m_eventStats)
            e.bind(1, std::get<0>(key))
                .bind(2, QString::fromLatin1(kServices[std::get<1>(key)].id))
                .bind(3, channelName(static_cast<Channel>(std::get<2>(key))))
                .bind(4, std::get<3>(key))
                .bind(5, count)
                .run();
    }
    db.exec(QStringLiteral("COMMIT"));
    std::fprintf(stderr, "  rows written (%.0f s); building the indexes\n",
                 timer.elapsed() / 1000.0);
    m_insertSession.reset();
    m_insertEvent.reset();
    m_insertDelivery.reset();
    m_insertAudit.reset();
    for (const auto &index : std::as_const(indexes))
        db.exec(index.second);
    db.exec(QStringLiteral("PRAGMA journal_mode=WAL"));
    m_db.reset();

    Generated g;
    g.dir = m_dir;
    g.sessions = m_made;
    g.days = m_days;
    g.nowMs = m_now;
    g.events = m_eventCount;
    g.deliveries = m_nextDeliveryId - 1;
    g.knownSessionId = m_knownSessionId;
    for (const auto &[name, count] : m_statusCounts)
        g.statusCounts.insert(name, count);
    // A person who used the service a handful of times: a typical support search.
    for (size_t i = qMin<size_t>(5000, m_phoneUse.size() / 2); i < m_phoneUse.size(); ++i)
        if (m_phoneUse[i] >= 3 && m_phoneUse[i] <= 8) {
            g.knownPhone = m_phones[i].normalised;
            g.knownPhoneSessions = m_phoneUse[i];
            break;
        }
    for (size_t i = qMin<size_t>(5000, m_emailUse.size() / 2); i < m_emailUse.size(); ++i)
        if (m_emailUse[i] >= 2 && m_emailUse[i] <= 8) {
            g.knownEmail = m_emails[i].normalised;
            g.knownEmailSessions = m_emailUse[i];
            break;
        }
    g.generationSeconds = timer.elapsed() / 1000.0;
    return g;
}

qint64 folderBytes(const QString &dir)
{
    qint64 bytes = 0;
    for (const QFileInfo &f : QDir(dir).entryInfoList(QDir::Files))
        bytes += f.size();
    return bytes;
}

// The cached data folder for these parameters, generated first when missing.
Generated ensureData(const QString &cacheDir, qint64 sessions, int days, bool regenerate,
                     bool *generated)
{
    *generated = false;
    const QString key = QStringLiteral("sessions-%1-days-%2-schema-%3-gen-%4")
                            .arg(sessions)
                            .arg(days)
                            .arg(Migrations::latestVersion())
                            .arg(GeneratorVersion);
    const QString dir = cacheDir + u'/' + key;
    const QString metaFile = dir + QStringLiteral("/bench-meta.json");
    if (regenerate)
        QDir(dir).removeRecursively();
    if (QFile::exists(metaFile)) {
        QFile f(metaFile);
        if (!f.open(QIODevice::ReadOnly))
            fail(QStringLiteral("cannot read %1").arg(metaFile));
        Generated g = Generated::fromJson(dir, QJsonDocument::fromJson(f.readAll()).object());
        std::printf("Data: cached %s (generated in %.0f s earlier)\n", qPrintable(dir),
                    g.generationSeconds);
        return g;
    }
    const QString building = dir + QStringLiteral(".building");
    QDir(building).removeRecursively();
    QDir().mkpath(cacheDir);
    std::fprintf(stderr, "Generating %lld sessions over %d days into %s\n",
                 static_cast<long long>(sessions), days, qPrintable(dir));
    Generator generator(building, sessions, days);
    Generated g = generator.run();
    QDir(dir).removeRecursively();
    if (!QDir().rename(building, dir))
        fail(QStringLiteral("cannot rename %1").arg(building));
    g.dir = dir;
    g.databaseBytes = folderBytes(dir);
    QFile f(metaFile);
    if (!f.open(QIODevice::WriteOnly) || f.write(QJsonDocument(g.toJson()).toJson()) < 0)
        fail(QStringLiteral("cannot write %1").arg(metaFile));
    std::printf("Data: generated %s in %.0f s\n", qPrintable(dir), g.generationSeconds);
    *generated = true;
    return g;
}

// ---------------------------------------------------------------------------------------------
// Measuring.

struct Row
{
    QString what;
    QList<double> ms;
    double targetMs = 50; // 0: no target (a baseline or a one-off)
    QString note;

    double percentile(double p) const
    {
        if (ms.isEmpty())
            return 0;
        QList<double> sorted = ms;
        std::sort(sorted.begin(), sorted.end());
        const auto rank = static_cast<qsizetype>(std::ceil(p * double(sorted.size())));
        return sorted.at(qBound<qsizetype>(0, rank - 1, sorted.size() - 1));
    }
    double median() const
    {
        QList<double> sorted = ms;
        std::sort(sorted.begin(), sorted.end());
        const qsizetype n = sorted.size();
        return n % 2 ? sorted.at(n / 2) : (sorted.at(n / 2 - 1) + sorted.at(n / 2)) / 2;
    }
};

std::deque<Row> g_rows; // references to rows stay valid as rows are added
int g_reps = 20;
QStringList g_only; // sections to run (empty: all)

bool want(const char *section)
{
    return g_only.isEmpty() || g_only.contains(QLatin1String(section));
}

Row &addRow(const QString &what, double targetMs = 50, const QString &note = {})
{
    g_rows.push_back({what, {}, targetMs, note});
    return g_rows.back();
}

qint64 procStatusKb(const char *field)
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray prefix = QByteArray(field) + ':';
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith(prefix))
            return line.mid(prefix.size()).trimmed().split(' ').value(0).toLongLong();
    return -1;
}

// Runs `action`, then the event loop until `sender` emits `signal` with `done()` true; `after`
// runs right then (e.g. a synchronous repaint) and counts. Returns the milliseconds from just
// before `action`.
template <typename Sender, typename Signal>
double timeUntil(Sender *sender, Signal signal, const std::function<void()> &action,
                 const std::function<bool()> &done = {}, const std::function<void()> &after = {})
{
    QEventLoop loop;
    QElapsedTimer timer;
    double ms = -1;
    const auto c = QObject::connect(sender, signal, &loop, [&] {
        if (ms >= 0 || (done && !done()))
            return;
        if (after)
            after();
        ms = double(timer.nsecsElapsed()) / 1e6;
        loop.quit();
    });
    QTimer guard;
    guard.setSingleShot(true);
    QObject::connect(&guard, &QTimer::timeout, &loop, &QEventLoop::quit);
    guard.start(TimeoutMs);
    timer.start();
    action();
    if (ms < 0)
        loop.exec();
    QObject::disconnect(c);
    if (ms < 0)
        fail(QStringLiteral("timed out waiting for the console"));
    return ms;
}

template <typename W>
W *child(QObject *parent, const char *name)
{
    W *w = parent->findChild<W *>(QString::fromLatin1(name));
    if (!w)
        fail(QStringLiteral("no widget %1").arg(QLatin1String(name)));
    return w;
}

// Drops the database file's pages from the OS page cache (this file only: nothing else on the
// machine is disturbed), for "cold" opens.
void evictFromPageCache(const QString &dbPath)
{
    for (const QString &path : {dbPath, QString(dbPath + QStringLiteral("-wal"))}) {
        const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY);
        if (fd < 0)
            continue;
        ::fdatasync(fd);
        ::posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED);
        ::close(fd);
    }
}

class Bench
{
public:
    explicit Bench(const Generated &data)
        : m_data(data)
        , m_dbPath(data.dir + QStringLiteral("/verify.db"))
    {}
    int run();

private:
    void sanity();
    void baseline();
    void sessionsFirstOpen();
    void sessionsOnPage();
    void filters();
    void searches();
    void dashboard();
    void scrolling();

    // The window's Sessions page.
    void waitSessions(const std::function<void()> &action, Row *row = nullptr);
    void clearFilters(Row *row = nullptr);
    double applyAndTime(const std::function<void()> &apply);

    const Generated &m_data;
    QString m_dbPath;
    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<QTemporaryDir> m_settingsDir;
    std::unique_ptr<ConsoleSettings> m_settings;
    std::unique_ptr<Translator> m_translator;
    std::unique_ptr<ListenerController> m_listener;
    DialogPrompter m_prompter;
    std::unique_ptr<ConsoleContext> m_context;
    std::unique_ptr<MainWindow> m_window;
    SessionsPage *m_sessions = nullptr;
    qint64 m_baselineRssKb = 0;
};

void Bench::waitSessions(const std::function<void()> &action, Row *row)
{
    SessionListModel *model = m_sessions->model();
    QTableView *view = m_sessions->view();
    const double ms = timeUntil(
        model, &SessionListModel::loadFinished, action, [model] { return !model->isLoading(); },
        [view] { view->viewport()->repaint(); });
    if (model->lastError())
        fail(QStringLiteral("the sessions page failed: %1").arg(model->lastError()->toString()));
    if (row)
        row->ms.append(ms);
}

void Bench::clearFilters(Row *row)
{
    auto *button = child<QPushButton>(m_sessions, "clearFiltersButton");
    waitSessions([button] { button->click(); }, row);
}

void Bench::sanity()
{
    Db raw(m_dbPath, true);
    const qint64 all = scalar(raw, QStringLiteral("SELECT count(*) FROM sessions"));
    if (all != m_data.sessions)
        fail(QStringLiteral("%1 sessions in the database, %2 generated")
                 .arg(all)
                 .arg(m_data.sessions));
    // The dashboard counts from the hourly statistics; they must equal a count of the sessions.
    const QDate today = QDateTime::fromMSecsSinceEpoch(m_data.nowMs).toLocalTime().date();
    const QList<std::pair<QString, DashboardFigures>> checks = {
        {QStringLiteral("today"), loadDashboard(*m_engine, DashboardRange::Today)},
        {QStringLiteral("30 days"), loadDashboard(*m_engine, DashboardRange::Last30Days)},
        {QStringLiteral("whole period"),
         loadDashboard(*m_engine, DashboardRange::Custom, today.addDays(-m_data.days - 1), today)}};
    for (const auto &[name, f] : checks) {
        if (!f.error.isEmpty())
            fail(QStringLiteral("dashboard: %1").arg(f.error));
        const qint64 counted = scalar(raw,
                                      QStringLiteral("SELECT count(*) FROM sessions WHERE "
                                                     "created_at >= ? AND created_at < ?"),
                                      {f.period.fromMs, f.period.toMs});
        if (counted != f.total)
            fail(QStringLiteral("dashboard total for %1 is %2, the sessions count %3")
                     .arg(name)
                     .arg(f.total)
                     .arg(counted));
        std::printf("Sanity: dashboard %s total %lld = count(*) of sessions\n", qPrintable(name),
                    static_cast<long long>(f.total));
    }
    if (checks.last().second.total != m_data.sessions)
        fail(QStringLiteral("the whole period does not hold every session"));
    // The engine finds a generated person by exact number and address (blind index).
    for (const auto &[who, expected] : {std::pair{m_data.knownPhone, m_data.knownPhoneSessions},
                                        std::pair{m_data.knownEmail, m_data.knownEmailSessions}}) {
        SessionQuery q;
        q.recipient = who;
        q.limit = 500;
        const SessionPage page = must(m_engine->findSessions(q), "search by recipient");
        if (page.sessions.size() != expected)
            fail(QStringLiteral("search for a generated recipient found %1 sessions, not %2")
                     .arg(page.sessions.size())
                     .arg(expected));
        std::printf("Sanity: search by %s finds its %lld sessions (%s)\n",
                    who.contains(u'@') ? "e-mail address" : "phone number",
                    static_cast<long long>(expected),
                    qPrintable(page.sessions.value(0).recipientMasked));
    }
    must(m_engine->status(m_data.knownSessionId), "find the known session");
}

void Bench::baseline()
{
    // The floor: the same first page straight from SQLite, without the engine or the console.
    Db raw(m_dbPath, true);
    Stmt s(raw, QStringLiteral("SELECT id, service_id, channel, status, recipient_masked, "
                               "recipient_region, locale, code_length, code_type, attempts, "
                               "max_attempts, resends, max_resends, reference, callback_url, "
                               "client_ip, created_at, expires_at, last_sent_at, delivered_at, "
                               "verified_at, finished_at, recipient_index, recipient_sealed, "
                               "code_hash, resend_cooldown_seconds, ttl_seconds FROM sessions "
                               "ORDER BY id DESC LIMIT 201"));
    Row &row = addRow(QStringLiteral("baseline: newest 201 session rows, raw sqlite3"), 0);
    for (int i = 0; i < g_reps; ++i) {
        QElapsedTimer t;
        t.start();
        int n = 0;
        while (s.next())
            ++n;
        s.reset();
        row.ms.append(double(t.nsecsElapsed()) / 1e6);
        if (n != 201)
            fail(QStringLiteral("baseline read %1 rows").arg(n));
    }
}

void Bench::sessionsFirstOpen()
{
    // A new page each time: its own loading thread and database connection (an empty SQLite
    // page cache), as when the console opens the page for the first time.
    for (bool evict : {false, true}) {
        Row &row = addRow(
            evict ? QStringLiteral("Sessions page opened, first rows (new page; DB file dropped "
                                   "from the OS cache)")
                  : QStringLiteral("Sessions page opened, first rows (new page and connection)"),
            evict ? 0 : 50, evict ? QStringLiteral("disk-cold; no target") : QString());
        for (int i = 0; i < g_reps; ++i) {
            if (evict)
                evictFromPageCache(m_dbPath);
            std::unique_ptr<SessionsPage> page;
            QElapsedTimer t;
            double ms = -1; // from the page's construction to its first rows painted
            t.start();
            page = std::make_unique<SessionsPage>(*m_context);
            page->resize(1000, 700);
            page->show();
            page->refresh();
            SessionListModel *model = page->model();
            timeUntil(
                model, &SessionListModel::loadFinished, [] {},
                [model] { return !model->isLoading(); },
                [&] {
                    page->view()->viewport()->repaint();
                    ms = double(t.nsecsElapsed()) / 1e6;
                });
            row.ms.append(ms);
            if (page->model()->rowCount() != SessionListModel::PageSize)
                fail(QStringLiteral("first page has %1 rows").arg(page->model()->rowCount()));
        }
    }
}

void Bench::sessionsOnPage()
{
    // The page of the window: clear filters (query set again) until the rows are shown.
    Row &row = addRow(QStringLiteral("Sessions page, all sessions again (same page, warm)"));
    for (int i = 0; i < g_reps; ++i)
        clearFilters(&row);
}

double Bench::applyAndTime(const std::function<void()> &apply)
{
    Row dummy;
    waitSessions(apply, &dummy);
    return dummy.ms.value(0);
}

void Bench::filters()
{
    auto *status = child<QComboBox>(m_sessions, "statusFilter");
    auto *channel = child<QComboBox>(m_sessions, "channelFilter");
    auto *service = child<QComboBox>(m_sessions, "serviceFilter");
    auto *time = child<QComboBox>(m_sessions, "timeFilter");
    auto *fromDate = child<QDateEdit>(m_sessions, "fromDate");
    auto *toDate = child<QDateEdit>(m_sessions, "toDate");
    const auto setData = [](QComboBox *combo, const QVariant &data) {
        const int i = combo->findData(data);
        if (i < 0)
            fail(QStringLiteral("no filter entry %1").arg(data.toString()));
        combo->setCurrentIndex(i);
    };
    const auto quietly = [](QComboBox *combo, const std::function<void()> &change) {
        const QSignalBlocker block(combo);
        change();
    };
    const QDate today = QDateTime::fromMSecsSinceEpoch(m_data.nowMs).toLocalTime().date();

    struct Filter
    {
        QString what;
        std::function<void()> apply; // the last change triggers the load
    };
    const QList<Filter> list = {
        {QStringLiteral("filter status = failed"),
         [&] { setData(status, static_cast<int>(SessionStatus::Failed)); }},
        {QStringLiteral("filter status = delivered (open: only the last minutes)"),
         [&] { setData(status, static_cast<int>(SessionStatus::Delivered)); }},
        {QStringLiteral("filter channel = voice"),
         [&] { setData(channel, static_cast<int>(Channel::Voice)); }},
        {QStringLiteral("filter service = pharmacy (3 % of sessions)"),
         [&] { setData(service, QStringLiteral("pharmacy")); }},
        {QStringLiteral("filter service = kiosk (0.1 % of sessions)"),
         [&] { setData(service, QStringLiteral("kiosk")); }},
        {QStringLiteral("filter created = last 7 days (broad)"), [&] { time->setCurrentIndex(2); }},
        {QStringLiteral("filter created = custom week 60 days ago"),
         [&] {
             {
                 const QSignalBlocker a(fromDate), b(toDate);
                 fromDate->setDate(today.addDays(-60));
                 toDate->setDate(today.addDays(-54));
             }
             time->setCurrentIndex(4);
         }},
        {QStringLiteral("filter failed + voice + pharmacy + last 30 days (selective)"),
         [&] {
             quietly(status, [&] { setData(status, static_cast<int>(SessionStatus::Failed)); });
             quietly(channel, [&] { setData(channel, static_cast<int>(Channel::Voice)); });
             quietly(service, [&] { setData(service, QStringLiteral("pharmacy")); });
             time->setCurrentIndex(3);
         }},
        {QStringLiteral("filter e-mail + bank (bank sends no e-mail: matches nothing)"),
         [&] {
             quietly(channel, [&] { setData(channel, static_cast<int>(Channel::Email)); });
             setData(service, QStringLiteral("bank"));
         }},
        {QStringLiteral("filter cancelled + sms + bank (broad combination)"),
         [&] {
             quietly(status, [&] { setData(status, static_cast<int>(SessionStatus::Cancelled)); });
             quietly(channel, [&] { setData(channel, static_cast<int>(Channel::Sms)); });
             setData(service, QStringLiteral("bank"));
         }},
    };
    for (const Filter &f : list) {
        Row &row = addRow(f.what);
        int rows = 0;
        for (int i = 0; i < g_reps; ++i) {
            clearFilters(); // back to all sessions, not timed
            row.ms.append(applyAndTime(f.apply));
            rows = m_sessions->model()->rowCount();
        }
        row.note = QStringLiteral("%1 rows%2")
                       .arg(rows)
                       .arg(m_sessions->model()->hasMore() ? QStringLiteral(" (more on scroll)")
                                                           : QString());
    }
    clearFilters();
}

void Bench::searches()
{
    auto *edit = child<QLineEdit>(m_sessions, "searchEdit");
    SessionListModel *model = m_sessions->model();
    // The support case: a person's number as they say it, with spaces.
    QString spokenPhone = m_data.knownPhone;
    if (spokenPhone.startsWith(QLatin1String("+47")) && spokenPhone.size() == 11)
        spokenPhone = QStringLiteral("+47 %1 %2 %3")
                          .arg(spokenPhone.mid(3, 3), spokenPhone.mid(6, 2), spokenPhone.mid(8));
    struct Search
    {
        QString what;
        QString text;
        qint64 expected;
    };
    const QList<Search> list = {
        {QStringLiteral("search exact phone number"), spokenPhone, m_data.knownPhoneSessions},
        {QStringLiteral("search e-mail address"), m_data.knownEmail.toUpper(),
         m_data.knownEmailSessions},
        {QStringLiteral("search session id"), m_data.knownSessionId, 1},
    };
    for (const Search &s : list) {
        Row &rows = addRow(s.what + QStringLiteral(": rows shown"));
        Row &events = addRow(s.what + QStringLiteral(": + first session's events shown"));
        for (int i = 0; i < g_reps; ++i) {
            {
                const QSignalBlocker block(edit);
                edit->clear();
            }
            clearFilters();
            // Type the text (the page waits for a pause in typing) and press Enter.
            {
                const QSignalBlocker block(edit);
                edit->setText(s.text);
            }
            QEventLoop loop;
            QElapsedTimer t;
            double rowsMs = -1, eventsMs = -1;
            const auto c1 = QObject::connect(model, &SessionListModel::loadFinished, &loop, [&] {
                if (rowsMs < 0 && !model->isLoading()) {
                    m_sessions->view()->viewport()->repaint();
                    rowsMs = double(t.nsecsElapsed()) / 1e6;
                }
            });
            const auto c2 = QObject::connect(m_sessions, &SessionsPage::eventsLoaded, &loop, [&] {
                if (eventsMs < 0) {
                    m_sessions->detailPane()->repaint();
                    eventsMs = double(t.nsecsElapsed()) / 1e6;
                    loop.quit();
                }
            });
            QTimer::singleShot(TimeoutMs, &loop, &QEventLoop::quit);
            t.start();
            QTest::keyClick(edit, Qt::Key_Return);
            loop.exec();
            QObject::disconnect(c1);
            QObject::disconnect(c2);
            if (rowsMs < 0 || eventsMs < 0)
                fail(QStringLiteral("%1 timed out").arg(s.what));
            if (model->rowCount() != s.expected || m_sessions->currentSessionId().isEmpty())
                fail(QStringLiteral("%1 shows %2 rows, expected %3")
                         .arg(s.what)
                         .arg(model->rowCount())
                         .arg(s.expected));
            rows.ms.append(rowsMs);
            events.ms.append(eventsMs);
        }
        rows.note = QStringLiteral("%1 row(s)").arg(s.expected);
    }
    {
        const QSignalBlocker block(edit);
        edit->clear();
    }
    clearFilters();
}

void Bench::dashboard()
{
    const QDate today = QDateTime::fromMSecsSinceEpoch(m_data.nowMs).toLocalTime().date();
    struct Range
    {
        QString what;
        DashboardRange range;
        QDate from, to;
    };
    const QList<Range> ranges = {
        {QStringLiteral("Today"), DashboardRange::Today, {}, {}},
        {QStringLiteral("7 days"), DashboardRange::Last7Days, {}, {}},
        {QStringLiteral("30 days"), DashboardRange::Last30Days, {}, {}},
        {QStringLiteral("90 days (custom)"), DashboardRange::Custom, today.addDays(-89), today},
    };
    // The SMS-pumping signals, part of every load below.
    {
        Row &row = addRow(QStringLiteral("SMS-pumping alerts (part of each load)"));
        qsizetype alerts = 0;
        for (int i = 0; i < g_reps; ++i) {
            QElapsedTimer t;
            t.start();
            auto found = m_engine->pumpingAlerts();
            row.ms.append(double(t.nsecsElapsed()) / 1e6);
            if (!found)
                fail(found.error().toString());
            alerts = found->size();
        }
        row.note = QStringLiteral("%1 alerts").arg(alerts);
    }
    // The figures themselves (what the page computes off the GUI thread).
    for (const Range &r : ranges) {
        Row &row = addRow(QStringLiteral("loadDashboard, ") + r.what);
        qint64 rowsRead = 0;
        for (int i = 0; i < g_reps; ++i) {
            QElapsedTimer t;
            t.start();
            const DashboardFigures f = loadDashboard(*m_engine, r.range, r.from, r.to);
            row.ms.append(double(t.nsecsElapsed()) / 1e6);
            if (!f.error.isEmpty())
                fail(f.error);
            rowsRead = f.total;
        }
        row.note = QStringLiteral("%1 sessions").arg(rowsRead);
    }
    // The page: a refresh until the cards and charts show the new figures.
    auto *page = m_window->findPage<DashboardPage>();
    for (int i = 0; i < m_window->pageCount(); ++i)
        if (m_window->page(i) == page)
            m_window->showPage(i);
    for (const Range &r : ranges) {
        const auto shown = [page] { return !page->isLoading(); };
        const auto paint = [page] { page->repaint(); };
        if (r.range == DashboardRange::Custom)
            timeUntil(
                page, &DashboardPage::figuresShown, [&] { page->setCustomRange(r.from, r.to); },
                shown, paint);
        else if (page->range() != r.range)
            timeUntil(
                page, &DashboardPage::figuresShown, [&] { page->setRange(r.range); }, shown, paint);
        Row &row = addRow(QStringLiteral("Dashboard page refresh until shown, ") + r.what);
        for (int i = 0; i < g_reps; ++i)
            row.ms.append(timeUntil(
                page, &DashboardPage::figuresShown, [page] { page->refresh(); }, shown, paint));
    }
    timeUntil(
        page, &DashboardPage::figuresShown, [page] { page->setRange(DashboardRange::Last7Days); },
        [page] { return !page->isLoading(); });
}

void Bench::scrolling()
{
    // Scroll the table to the end again and again, the way a user drags the scroll bar down:
    // the view asks the model for more (fetchMore) each time it reaches the end.
    for (int i = 0; i < m_window->pageCount(); ++i)
        if (m_window->page(i) == m_sessions)
            m_window->showPage(i);
    clearFilters();
    SessionListModel *model = m_sessions->model();
    QTableView *view = m_sessions->view();
    Row &row = addRow(QStringLiteral("scroll to the end: next 200 rows shown"));
    int viaModel = 0;
    while (model->rowCount() < 5000 && model->hasMore()) {
        QCoreApplication::processEvents();
        const double ms = timeUntil(
            model, &SessionListModel::loadFinished,
            [&] {
                view->scrollToBottom();
                if (!model->isLoading()) { // the view did not ask (yet): ask as it would
                    ++viaModel;
                    model->fetchMore({});
                }
            },
            [model] { return !model->isLoading(); }, [view] { view->viewport()->repaint(); });
        row.ms.append(ms);
    }
    row.targetMs = 50;
    row.note = QStringLiteral("%1 rows loaded").arg(model->rowCount());
    if (viaModel > 0)
        row.note += QStringLiteral(", %1 fetches asked directly").arg(viaModel);
}

int Bench::run()
{
    const qint64 startRssKb = procStatusKb("VmRSS");
    EngineConfig config;
    config.dataDir = m_data.dir;
    QElapsedTimer openTimer;
    openTimer.start();
    // The clock stands at the generation's "now", so "today" and "last 7 days" mean the same
    // data on every run of the cached database.
    m_engine =
        must(Engine::open(config, std::make_shared<ManualClock>(m_data.nowMs)), "open the engine");
    const double openMs = double(openTimer.nsecsElapsed()) / 1e6;
    m_baselineRssKb = procStatusKb("VmRSS");
    sanity();

    m_settingsDir = std::make_unique<QTemporaryDir>();
    m_settings =
        std::make_unique<ConsoleSettings>(m_settingsDir->filePath(QStringLiteral("console.ini")));
    m_translator = std::make_unique<Translator>();
    m_translator->setLanguage(QStringLiteral("en"));
    m_listener = std::make_unique<ListenerController>(*m_engine);
    m_context = std::make_unique<ConsoleContext>(
        ConsoleContext{*m_engine, *m_listener, m_prompter, *m_settings, *m_translator,
                       Actor{QStringLiteral("operator"), QStringLiteral("bench"), true}});

    baseline();

    // The console as it starts: the main window shows the dashboard first.
    {
        Row &first = addRow(QStringLiteral("console window opened until dashboard shown (once)"), 0,
                            QStringLiteral("n = 1, includes building every page"));
        QElapsedTimer t;
        t.start();
        m_window = std::make_unique<MainWindow>(*m_context);
        m_window->resize(1280, 800);
        m_window->show();
        auto *dash = m_window->findPage<DashboardPage>();
        if (dash->isLoading())
            timeUntil(
                dash, &DashboardPage::figuresShown, [] {}, [dash] { return !dash->isLoading(); });
        first.ms.append(double(t.nsecsElapsed()) / 1e6);
    }
    m_sessions = m_window->findPage<SessionsPage>();
    {
        Row &first = addRow(QStringLiteral("console: Sessions page first shown, first rows (once)"),
                            50, QStringLiteral("n = 1"));
        int index = -1;
        for (int i = 0; i < m_window->pageCount(); ++i)
            if (m_window->page(i) == m_sessions)
                index = i;
        waitSessions([this, index] { m_window->showPage(index); }, &first);
    }

    if (want("open"))
        sessionsFirstOpen();
    if (want("page"))
        sessionsOnPage();
    if (want("filters"))
        filters();
    if (want("search"))
        searches();
    if (want("dashboard"))
        dashboard();

    const qint64 rssAfterKb = procStatusKb("VmRSS");
    const qint64 hwmAfterKb = procStatusKb("VmHWM");
    if (want("scroll"))
        scrolling();
    QCoreApplication::processEvents();
    const qint64 rssScrolledKb = procStatusKb("VmRSS");
    const qint64 hwmScrolledKb = procStatusKb("VmHWM");

    // The table.
    std::printf("\nEngine opened on the data in %.0f ms. %d repetitions per line; ms.\n\n", openMs,
                g_reps);
    std::printf("| what | n | median | p95 | target | met |\n|---|---:|---:|---:|---|---|\n");
    for (const Row &r : std::as_const(g_rows)) {
        const double median = r.median();
        const double p95 = r.percentile(0.95);
        QString target = QStringLiteral("—");
        QString met = QStringLiteral("—");
        if (r.targetMs > 0) {
            target = QStringLiteral("< %1 ms").arg(r.targetMs);
            met = p95 < r.targetMs      ? QStringLiteral("yes")
                  : median < r.targetMs ? QStringLiteral("median only")
                                        : QStringLiteral("**no**");
        }
        std::printf("| %s%s | %lld | %.1f | %.1f | %s | %s |\n", qPrintable(r.what),
                    r.note.isEmpty() ? "" : qPrintable(QStringLiteral(" (") + r.note + u')'),
                    static_cast<long long>(r.ms.size()), median, p95, qPrintable(target),
                    qPrintable(met));
    }
    const auto mb = [](qint64 kb) { return double(kb) / 1024.0; };
    std::printf("\n| memory | MB | target | met |\n|---|---:|---|---|\n");
    std::printf("| RSS at start (QApplication) | %.0f | | |\n", mb(startRssKb));
    std::printf("| RSS after opening the engine | %.0f | | |\n", mb(m_baselineRssKb));
    std::printf("| RSS after all of the above | %.0f | | |\n", mb(rssAfterKb));
    std::printf("| peak RSS (VmHWM) after all of the above | %.0f | < 200 MB | %s |\n",
                mb(hwmAfterKb), mb(hwmAfterKb) < 200 ? "yes" : "**no**");
    std::printf("| RSS after scrolling through %d rows | %.0f | < 200 MB | %s |\n",
                m_sessions->model()->rowCount(), mb(rssScrolledKb),
                mb(rssScrolledKb) < 200 ? "yes" : "**no**");
    std::printf("| peak RSS (VmHWM) at the end | %.0f | < 200 MB | %s |\n", mb(hwmScrolledKb),
                mb(hwmScrolledKb) < 200 ? "yes" : "**no**");

    m_window.reset();
    m_listener->stop();
    return 0;
}

} // namespace

// The offscreen platform says this for every top-level widget shown.
QtMessageHandler g_previousHandler = nullptr;
void quietHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (message.contains(QLatin1String("propagateSizeHints")))
        return;
    if (g_previousHandler)
        g_previousHandler(type, context, message);
}

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    g_previousHandler = qInstallMessageHandler(quietHandler);
    QLoggingCategory::setFilterRules(QStringLiteral("verify.*.info=false\nqt.qpa.*=false"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Console pages on a generated database of many sessions."));
    const QCommandLineOption cacheDir(
        QStringLiteral("cache-dir"),
        QStringLiteral("Where generated databases are kept (default: next to this program)."),
        QStringLiteral("DIR"));
    const QCommandLineOption sessions(QStringLiteral("sessions"),
                                      QStringLiteral("Sessions to generate (default 1000000)."),
                                      QStringLiteral("N"), QStringLiteral("1000000"));
    const QCommandLineOption days(QStringLiteral("days"),
                                  QStringLiteral("Days they span (default 90)."),
                                  QStringLiteral("D"), QStringLiteral("90"));
    const QCommandLineOption reps(QStringLiteral("reps"),
                                  QStringLiteral("Repetitions per measurement (default 20)."),
                                  QStringLiteral("R"), QStringLiteral("20"));
    const QCommandLineOption regenerate(QStringLiteral("regenerate"),
                                        QStringLiteral("Generate the database again."));
    const QCommandLineOption generateOnly(QStringLiteral("generate-only"),
                                          QStringLiteral("Generate (or find) the data and stop."));
    const QCommandLineOption only(
        QStringLiteral("only"),
        QStringLiteral("Run only these parts (comma-separated): open, page, filters, search, "
                       "dashboard, scroll."),
        QStringLiteral("LIST"));
    parser.addOptions({cacheDir, sessions, days, reps, regenerate, generateOnly, only});
    parser.addHelpOption();
    parser.process(app);

    const qint64 n = parser.value(sessions).toLongLong();
    const int d = parser.value(days).toInt();
    g_reps = qMax(1, parser.value(reps).toInt());
    if (parser.isSet(only))
        g_only = parser.value(only).split(u',', Qt::SkipEmptyParts);
    if (n < 1000 || d < 1)
        fail(QStringLiteral("need at least 1000 sessions and 1 day"));
    const QString cache = parser.isSet(cacheDir) ? parser.value(cacheDir)
                                                 : QCoreApplication::applicationDirPath() +
                                                       QStringLiteral("/console-bench-data");
    bool generated = false;
    const Generated data = ensureData(cache, n, d, parser.isSet(regenerate), &generated);
    std::printf("Data: %lld sessions over %d days, %lld events, %lld deliveries; %.0f MB on disk; "
                "generation took %.0f s\n",
                static_cast<long long>(data.sessions), data.days,
                static_cast<long long>(data.events), static_cast<long long>(data.deliveries),
                double(data.databaseBytes) / 1e6, data.generationSeconds);
    std::printf("Data: statuses %s\n",
                QJsonDocument(data.statusCounts).toJson(QJsonDocument::Compact).constData());
    if (parser.isSet(generateOnly))
        return 0;
    if (generated) {
        // The generator's memory would count as the console's: measure in a fresh process.
        std::fflush(stdout);
        std::vector<char *> args;
        for (int i = 0; i < argc; ++i)
            if (std::strcmp(argv[i], "--regenerate") != 0)
                args.push_back(argv[i]);
        args.push_back(nullptr);
        ::execv("/proc/self/exe", args.data());
        fail(QStringLiteral("cannot run the benchmark in a new process"));
    }
    Bench bench(data);
    return bench.run();
}
