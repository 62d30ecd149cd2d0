// vc_seed_demo DATA_DIR [SESSIONS] [DAYS]: fills a data folder with a realistic month of use
// through the real engine (a clock walked over the past DAYS days): sessions on every channel,
// delivered to the local outbox, verified, mistyped, locked, cancelled, resent, expired; a few
// services and API keys; the audit entries those leave. Used by scripts/screenshots.sh and by
// anyone who wants a console with something in it.

#include "core/Engine.h"
#include "crypto/CodeGenerator.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QRegularExpression>

#include <algorithm>
#include <cstdio>

using namespace vc;

namespace {

QString codeOf(Engine &engine, const QString &sessionId)
{
    auto out = engine.outbox(sessionId, 1);
    if (!out || out->isEmpty())
        return {};
    QString text = out->first().text;
    text.remove(QStringLiteral(", ")); // voice reads the code one character at a time
    static const QRegularExpression code(QStringLiteral("(?<![0-9A-Z])([0-9]{6})(?![0-9A-Z])"));
    return code.match(text).captured(1);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("verify.*.info=false"));
    if (argc < 2) {
        std::fprintf(stderr, "usage: vc_seed_demo DATA_DIR [SESSIONS] [DAYS]\n");
        return 2;
    }
    const int sessions = argc > 2 ? QString::fromLocal8Bit(argv[2]).toInt() : 3000;
    const int days = argc > 3 ? QString::fromLocal8Bit(argv[3]).toInt() : 30;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    auto clock = std::make_shared<ManualClock>(now - qint64(days) * 86'400'000);
    EngineConfig config;
    config.dataDir = QString::fromLocal8Bit(argv[1]);
    config.sync = SyncMode::Normal;
    auto opened = Engine::open(config, clock);
    if (!opened) {
        std::fprintf(stderr, "vc_seed_demo: %s\n", qPrintable(opened.error().toString()));
        return 1;
    }
    Engine &engine = **opened;
    const Actor admin{QStringLiteral("operator"), QStringLiteral("kari"), true};
    (void)engine.updateService(QStringLiteral("default"),
                               {{QStringLiteral("name"), QStringLiteral("Web shop")},
                                {QStringLiteral("app_name"), QStringLiteral("Nordlys Shop")},
                                {QStringLiteral("starts_per_recipient_per_hour"), 20}},
                               admin);
    (void)engine.createService(QStringLiteral("bank"),
                               {{QStringLiteral("name"), QStringLiteral("Online bank")},
                                {QStringLiteral("app_name"), QStringLiteral("Fjordbank")},
                                {QStringLiteral("code_length"), 8},
                                {QStringLiteral("max_attempts"), 3}},
                               admin);
    (void)engine.createKey({QStringLiteral("Web shop backend"),
                            QStringLiteral("verify"),
                            QStringLiteral("default"),
                            {}},
                           admin);
    (void)engine.createKey(
        {QStringLiteral("Bank app"), QStringLiteral("verify"), QStringLiteral("bank"), 365}, admin);
    auto ops =
        engine.createKey({QStringLiteral("Ops dashboard"), QStringLiteral("admin"), {}, 30}, admin);
    auto old = engine.createKey(
        {QStringLiteral("Old integration"), QStringLiteral("verify"), {}, {}}, admin);
    if (old)
        (void)engine.revokeKey(old->info.id, admin);

    QRandomGenerator rng(4711);
    // The checks and resends below move the clock too (about a minute per session at most).
    const qint64 step = qMax<qint64>(1000, qint64(days) * 86'400'000 / qMax(1, sessions) - 40'000);
    const char *regions[] = {"+4790", "+4791", "+4792", "+4641", "+4670", "+4520", "+35840"};
    // Leave the last ten minutes for the sessions still open "now"; never run past the present.
    const qint64 stopAt = now - 600'000;
    for (int i = 0; i < sessions && clock->nowMs() < stopAt; ++i) {
        // More traffic in the day than at night.
        clock->advanceMs(step / 2 + rng.bounded(step + 1));
        const int hour = QDateTime::fromMSecsSinceEpoch(clock->nowMs()).time().hour();
        if ((hour < 7 || hour > 22) && rng.bounded(3) != 0)
            continue;
        StartRequest r;
        const int pick = rng.bounded(100);
        r.channel = pick < 62 ? QStringLiteral("sms")
                              : (pick < 75 ? QStringLiteral("voice") : QStringLiteral("email"));
        r.recipient =
            r.channel == QLatin1String("email")
                ? QStringLiteral("user%1@example.com").arg(rng.bounded(5000))
                : QString::fromLatin1(regions[rng.bounded(7)]) +
                      QStringLiteral("%1").arg(rng.bounded(1000000), 6, 10, QLatin1Char('0'));
        r.serviceId = rng.bounded(4) == 0 ? QStringLiteral("bank") : QString();
        r.actor = {QStringLiteral("api_key"), QStringLiteral("seed"), false};
        auto started = engine.start(r);
        if (!started)
            continue;
        const QString id = started->sessionId;
        (void)engine.deliverDue(id);
        const int fate = rng.bounded(100);
        clock->advanceSeconds(5 + rng.bounded(40));
        if (fate < 72) { // typed right, sometimes after a slip
            if (rng.bounded(5) == 0)
                (void)engine.check({id, QStringLiteral("000000"), {}});
            (void)engine.check({id, codeOf(engine, id), {}});
        } else if (fate < 78) { // gave up after wrong codes
            for (int k = 0; k < 5; ++k)
                (void)engine.check({id, QStringLiteral("111111"), {}});
        } else if (fate < 83) {
            (void)engine.cancel(id, rng.bounded(2) ? admin : r.actor);
        } else if (fate < 90) { // asked again, by voice sometimes
            clock->advanceSeconds(30);
            const bool phone = r.channel != QLatin1String("email");
            (void)engine.resend({id, phone && rng.bounded(2) ? QStringLiteral("voice") : QString(),
                                 rng.bounded(3) == 0 ? admin : r.actor});
            (void)engine.deliverDue(id);
            (void)engine.check({id, codeOf(engine, id), {}});
        } // else: never came back; the session expires
    }
    // An SMS-pumping burst in the last minutes: 40 starts to one British number range that
    // nobody verifies, so the dashboard shows its alert.
    clock->setMs(std::max(clock->nowMs(), now - 480'000));
    for (int i = 0; i < 40 && clock->nowMs() < now; ++i) {
        StartRequest r;
        r.channel = QStringLiteral("sms");
        r.recipient =
            QStringLiteral("+447400%1").arg(rng.bounded(1000000), 6, 10, QLatin1Char('0'));
        r.actor = {QStringLiteral("api_key"), QStringLiteral("seed"), false};
        if (auto s = engine.start(r))
            (void)engine.deliverDue(s->sessionId);
        clock->advanceSeconds(10);
    }
    clock->setMs(now);
    (void)engine.sweepExpired();
    // A few sessions still open right now.
    for (int i = 0; i < 6; ++i) {
        StartRequest r;
        r.channel = QStringLiteral("sms");
        r.recipient = QStringLiteral("+47900%1").arg(10000 + i);
        r.actor = {QStringLiteral("api_key"), QStringLiteral("seed"), false};
        if (auto s = engine.start(r); s && i % 2 == 0)
            (void)engine.deliverDue(s->sessionId);
    }
    auto total = engine.stats({0, 0, {}});
    std::printf("seeded %s: %lld sessions\n", argv[1],
                total ? static_cast<long long>(total->total) : 0LL);
    return 0;
}
