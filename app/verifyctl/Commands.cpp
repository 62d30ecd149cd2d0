#include "verifyctl/Commands.h"

#include "core/Engine.h"
#include "core/JsonViews.h"
#include "delivery/ProviderFactory.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUrl>

#include <openssl/crypto.h>

#include <cstdio>
#include <pwd.h>
#include <string>
#include <termios.h>
#include <unistd.h>

namespace vc::cli {

namespace {

Actor cliActor()
{
    QString user = qEnvironmentVariable("USER");
    if (user.isEmpty())
        if (const passwd *pw = getpwuid(getuid()))
            user = QString::fromLocal8Bit(pw->pw_name);
    // Whoever runs verifyctl administers this machine: their actions are audited.
    return {QStringLiteral("cli"), user, true};
}

QString opt(const char *name)
{
    return QString::fromLatin1(name);
}

// Positional arguments after the command word.
QStringList positional(const QCommandLineParser &p)
{
    return p.positionalArguments();
}

int needArgs(const QCommandLineParser &p, int n, const QString &what, const Output &out)
{
    if (positional(p).size() != n)
        return out.usage(QStringLiteral("expected %1").arg(what));
    return Ok;
}

Result<int> intOption(const QCommandLineParser &p, const QString &name)
{
    bool ok = false;
    const int v = p.value(name).toInt(&ok);
    if (!ok)
        return Error::invalid(name, QStringLiteral("must be a whole number"));
    return v;
}

// --from and --to (dates or RFC 3339 times) into `from`/`to`, left alone when not given.
Status timeRange(const QCommandLineParser &p, qint64 &from, qint64 &to)
{
    for (const auto &[name, target] : {std::pair{opt("from"), &from}, {opt("to"), &to}}) {
        if (!p.isSet(name))
            continue;
        const auto t = Json::parseTime(p.value(name));
        if (!t)
            return Error::invalid(name, QStringLiteral("must be a date (2026-11-01) or an RFC "
                                                       "3339 time"));
        *target = *t;
    }
    return {};
}

void printSession(const SessionView &v, const Output &out)
{
    out.line(QStringLiteral("Session   %1").arg(v.id));
    out.line(QStringLiteral("  status    %1").arg(statusName(v.status)));
    out.line(QStringLiteral("  service   %1").arg(v.serviceId));
    out.line(QStringLiteral("  channel   %1 to %2 (%3)")
                 .arg(channelName(v.channel), v.recipientMasked, v.locale));
    out.line(QStringLiteral("  attempts  %1 of %2").arg(v.attempts).arg(v.maxAttempts));
    out.line(QStringLiteral("  resends   %1 of %2").arg(v.resends).arg(v.maxResends));
    out.line(QStringLiteral("  created   %1").arg(humanTime(v.createdAt)));
    out.line(QStringLiteral("  expires   %1").arg(humanTime(v.expiresAt)));
    if (v.deliveredAt)
        out.line(QStringLiteral("  delivered %1").arg(humanTime(*v.deliveredAt)));
    if (v.verifiedAt)
        out.line(QStringLiteral("  verified  %1").arg(humanTime(*v.verifiedAt)));
    if (v.finishedAt && !v.verifiedAt)
        out.line(QStringLiteral("  finished  %1").arg(humanTime(*v.finishedAt)));
    if (!v.reference.isEmpty())
        out.line(QStringLiteral("  reference %1").arg(v.reference));
}

// Hands the session's queued message to its provider now, so the CLI shows the outcome; a
// running verifyd may have claimed it first, which is fine.
void deliverNow(Engine &engine, const QString &sessionId)
{
    (void)engine.deliverDue(sessionId);
}

// --- commands ------------------------------------------------------------------------------

void startOptions(QCommandLineParser &p)
{
    p.addOptions({
        {opt("channel"), QStringLiteral("sms, voice or email."), QStringLiteral("C")},
        {opt("recipient"), QStringLiteral("Phone number (+4791234567) or e-mail address."),
         QStringLiteral("R")},
        {opt("service"), QStringLiteral("Service id (default: default)."), QStringLiteral("ID")},
        {opt("locale"), QStringLiteral("Message language: en, nb, sv, da, fi."),
         QStringLiteral("L")},
        {opt("reference"), QStringLiteral("Your own reference, stored with the session."),
         QStringLiteral("REF")},
        {opt("code-length"), QStringLiteral("Code length, 4-10."), QStringLiteral("N")},
        {opt("ttl"), QStringLiteral("Seconds the code stays valid, 60-3600."),
         QStringLiteral("SECONDS")},
        {opt("no-send"), QStringLiteral("Queue the message only (a running verifyd sends it).")},
    });
}

int runStart(Engine &engine, const QCommandLineParser &p, const Output &out)
{
    if (!positional(p).isEmpty())
        return out.usage(QStringLiteral("start takes options only, e.g. start --channel sms "
                                        "--recipient +4791234567"));
    if (!p.isSet(opt("channel")) || !p.isSet(opt("recipient")))
        return out.usage(QStringLiteral("start needs --channel and --recipient"));
    StartRequest r;
    r.channel = p.value(opt("channel"));
    r.recipient = p.value(opt("recipient"));
    r.serviceId = p.value(opt("service"));
    r.locale = p.value(opt("locale"));
    r.reference = p.value(opt("reference"));
    r.actor = cliActor();
    if (p.isSet(opt("code-length"))) {
        auto n = intOption(p, opt("code-length"));
        if (!n)
            return out.error(Error::invalid(QStringLiteral("code_length"), n.error().message));
        r.codeLength = *n;
    }
    if (p.isSet(opt("ttl"))) {
        auto n = intOption(p, opt("ttl"));
        if (!n)
            return out.error(Error::invalid(QStringLiteral("ttl_seconds"), n.error().message));
        r.ttlSeconds = *n;
    }
    auto started = engine.start(r);
    if (!started)
        return out.error(started.error());
    if (!p.isSet(opt("no-send")))
        deliverNow(engine, started->sessionId);
    StartResult shown = *started;
    if (auto now = engine.status(started->sessionId))
        shown.status = now->status;
    out.document(Json::of(shown));
    out.line(QStringLiteral("Started verification %1").arg(shown.sessionId));
    out.line(QStringLiteral("  status    %1").arg(statusName(shown.status)));
    out.line(QStringLiteral("  channel   %1 (%2)").arg(channelName(shown.channel), shown.locale));
    out.line(QStringLiteral("  expires   %1").arg(humanTime(shown.expiresAt)));
    return Ok;
}

int runCheck(Engine &engine, const QCommandLineParser &p, const Output &out)
{
    if (int rc = needArgs(p, 2, QStringLiteral("check SESSION_ID CODE"), out); rc != Ok)
        return rc;
    auto result = engine.check({positional(p).at(0), positional(p).at(1), cliActor()});
    if (!result)
        return out.error(result.error());
    out.document(Json::of(*result));
    if (result->verified()) {
        out.line(QStringLiteral("Verified."));
        return Ok;
    }
    if (result->error == QLatin1String("invalid_code"))
        out.line(QStringLiteral("Wrong code: %1 attempt(s) left.").arg(result->attemptsRemaining));
    else if (result->error == QLatin1String("max_attempts_reached"))
        out.line(QStringLiteral("Wrong code. No attempts left: the session has failed."));
    else
        out.line(
            QStringLiteral("Not verified: the session is %1.").arg(statusName(result->status)));
    return NotVerified;
}

int runStatus(Engine &engine, const QCommandLineParser &p, const Output &out)
{
    if (int rc = needArgs(p, 1, QStringLiteral("status SESSION_ID"), out); rc != Ok)
        return rc;
    auto v = engine.status(positional(p).at(0));
    if (!v)
        return out.error(v.error());
    out.document(Json::of(*v));
    printSession(*v, out);
    return Ok;
}

int runCancel(Engine &engine, const QCommandLineParser &p, const Output &out)
{
    if (int rc = needArgs(p, 1, QStringLiteral("cancel SESSION_ID"), out); rc != Ok)
        return rc;
    auto v = engine.cancel(positional(p).at(0), cliActor());
    if (!v)
        return out.error(v.error());
    out.document(Json::of(*v));
    out.line(QStringLiteral("Cancelled %1.").arg(v->id));
    return Ok;
}

void resendOptions(QCommandLineParser &p)
{
    p.addOption({opt("channel"),
                 QStringLiteral("Send by this channel instead (sms, voice, email)."),
                 QStringLiteral("C")});
    p.addOption({opt("no-send"), QStringLiteral("Queue the message only.")});
}

int runResend(Engine &engine, const QCommandLineParser &p, const Output &out)
{
    if (int rc = needArgs(p, 1, QStringLiteral("resend SESSION_ID [--channel C]"), out); rc != Ok)
        return rc;
    auto v = engine.resend({positional(p).at(0), p.value(opt("channel")), cliActor()});
    if (!v)
        return out.error(v.error());
    if (!p.isSet(opt("no-send")))
        deliverNow(engine, v->id);
    SessionView shown = *v;
    if (auto now = engine.status(v->id))
        shown = *now;
    out.document(Json::of(shown));
    out.line(QStringLiteral("Sent a new code by %1 to %2; %3 resend(s) left.")
                 .arg(channelName(shown.channel), shown.recipientMasked)
                 .arg(shown.resendsRemaining()));
    return Ok;
}

int runEvents(Engine &engine, const QCommandLineParser &p, const Output &out)
{
    if (int rc = needArgs(p, 1, QStringLiteral("events SESSION_ID"), out); rc != Ok)
        return rc;
    auto events = engine.events(positional(p).at(0));
    if (!events)
        return out.error(events.error());
    out.document(Json::of(*events));
    for (const SessionEvent &e : *events) {
        QStringList details;
        for (auto it = e.detail.constBegin(); it != e.detail.constEnd(); ++it)
            details.append(it.key() + u'=' + it.value().toVariant().toString());
        out.line(QStringLiteral("%1  %2  %3  %4")
                     .arg(humanTime(e.at), e.type.leftJustified(16), e.actor.leftJustified(12),
                          details.join(u' ')));
    }
    return Ok;
}

void webhooksOptions(QCommandLineParser &p)
{
    p.addOptions({
        {opt("all"), QStringLiteral("webhooks retry: every webhook that failed for good.")},
        {opt("service"), QStringLiteral("webhooks failed, retry --all: only this service's."),
         QStringLiteral("ID")},
    });
}

// One webhook as verifyctl shows it. The receiver by host only: a callback URL's path or query
// may hold the application's own token.
QJsonObject webhookJson(const WebhookRow &h)
{
    QJsonObject o{{QStringLiteral("id"), h.id},
                  {QStringLiteral("session_id"), h.sessionId},
                  {QStringLiteral("service_id"), h.serviceId},
                  {QStringLiteral("event_id"), h.eventId},
                  {QStringLiteral("event"), h.event},
                  {QStringLiteral("host"), QUrl(h.url).host()},
                  {QStringLiteral("state"), h.state},
                  {QStringLiteral("attempts"), h.attempts},
                  {QStringLiteral("created_at"), Json::time(h.createdAt)}};
    o.insert(QStringLiteral("last_status"),
             h.lastStatus ? QJsonValue(*h.lastStatus) : QJsonValue(QJsonValue::Null));
    o.insert(QStringLiteral("last_error"),
             h.lastError.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(h.lastError));
    o.insert(QStringLiteral("sent_at"),
             h.sentAt ? QJsonValue(Json::time(*h.sentAt)) : QJsonValue(QJsonValue::Null));
    return o;
}

void printWebhooks(const QList<WebhookRow> &hooks, bool withSession, const QString &whenNone,
                   const Output &out)
{
    QJsonArray all;
    for (const WebhookRow &h : hooks)
        all.append(webhookJson(h));
    out.document(all);
    if (hooks.isEmpty())
        out.line(whenNone);
    for (const WebhookRow &h : hooks)
        out.line(
            QStringLiteral("%1  %2%3  %4  %5  %6 attempt(s)%7")
                .arg(humanTime(h.createdAt),
                     withSession ? h.sessionId + QStringLiteral("  ") : QString(),
                     h.event.leftJustified(20), h.state.leftJustified(7), QUrl(h.url).host())
                .arg(h.attempts)
                .arg(h.lastStatus || !h.lastError.isEmpty()
                         ? QStringLiteral(", last: %1")
                               .arg(h.lastStatus ? QString::number(*h.lastStatus) : h.lastError)
                         : QString()));
}

// Status webhooks: a session's (`list`), those that failed for good (`failed`), and sending
// failed ones again (`retry`: one session's, or --all of them), which a running verifyd sends
// within seconds.
int runWebhooks(Engine &engine, const QCommandLineParser &p, const Output &out)
{
    const QString usage = QStringLiteral(
        "webhooks list SESSION_ID | failed [--service ID] | retry SESSION_ID|--all [--service ID]");
    const QStringList args = positional(p);
    const QString sub = args.value(0);
    const bool all = p.isSet(opt("all"));
    const QString service = p.value(opt("service"));
    if (sub == QLatin1String("failed") && args.size() == 1 && !all) {
        auto hooks = engine.failedWebhooks(service, Engine::MaxWebhookRetries);
        if (!hooks)
            return out.error(hooks.error());
        printWebhooks(*hooks, true, QStringLiteral("No webhook has failed for good."), out);
        return Ok;
    }
    if (sub == QLatin1String("retry") && args.size() == 1 && all) {
        auto count = engine.retryFailedWebhooks(service, cliActor());
        if (!count)
            return out.error(count.error());
        out.document(QJsonObject{{QStringLiteral("queued"), *count}});
        out.line(QStringLiteral("Queued %1 failed webhook(s) again.").arg(*count));
        if (*count == Engine::MaxWebhookRetries)
            out.line(QStringLiteral("There may be more: run it again."));
        return Ok;
    }
    if (args.size() != 2 || all || p.isSet(opt("service")) ||
        (sub != QLatin1String("list") && sub != QLatin1String("retry")))
        return out.usage(usage);
    const QString &id = args.at(1);
    if (sub == QLatin1String("retry")) {
        if (auto v = engine.retryWebhooks(id, cliActor()); !v)
            return out.error(v.error());
        out.line(QStringLiteral("Queued the failed webhooks of %1 again.").arg(id));
    }
    auto hooks = engine.webhooks(id);
    if (!hooks)
        return out.error(hooks.error());
    printWebhooks(*hooks, false,
                  QStringLiteral("No webhooks for this session (no callback or webhook URL)."),
                  out);
    return Ok;
}

void outboxOptions(QCommandLineParser &p)
{
    p.addOption(
        {opt("session"), QStringLiteral("Only this session's messages."), QStringLiteral("ID")});
    p.addOption({opt("limit"), QStringLiteral("At most N messages (default 20)."),
                 QStringLiteral("N"), QStringLiteral("20")});
}

int runOutbox(Engine &engine, const QCommandLineParser &p, const Output &out)
{
    if (!positional(p).isEmpty())
        return out.usage(QStringLiteral("outbox takes options only: [--session ID] [--limit N]"));
    auto limit = intOption(p, opt("limit"));
    if (!limit || *limit < 1 || *limit > 1000)
        return out.error(Error::invalid(QStringLiteral("limit"), QStringLiteral("must be 1-1000")));
    auto entries = engine.outbox(p.value(opt("session")), *limit);
    if (!entries)
        return out.error(entries.error());
    QJsonArray all;
    for (const OutboxEntry &e : *entries)
        all.append(Json::of(e));
    out.document(all);
    if (entries->isEmpty())
        out.line(QStringLiteral("The outbox is empty."));
    for (const OutboxEntry &e : *entries) {
        out.line(QStringLiteral("%1  %2 to %3  (session %4)")
                     .arg(humanTime(e.createdAt), channelName(e.channel), e.recipientMasked,
                          e.sessionId));
        if (!e.subject.isEmpty())
            out.line(QStringLiteral("  Subject: %1").arg(e.subject));
        for (const QString &l : e.text.split(u'\n'))
            out.line(QStringLiteral("  | ") + l);
        out.line({});
    }
    return Ok;
}

void statsOptions(QCommandLineParser &p)
{
    p.addOption({opt("from"),
                 QStringLiteral("Start (RFC 3339 or YYYY-MM-DD, UTC; default: 30 days "
                                "ago)."),
                 QStringLiteral("T")});
    p.addOption({opt("to"), QStringLiteral("End, exclusive (default: now)."), QStringLiteral("T")});
    p.addOption({opt("service"), QStringLiteral("Only this service."), QStringLiteral("ID")});
}

int runStats(Engine &engine, const QCommandLineParser &p, const Output &out)
{
    StatsQuery q;
    q.fromMs = engine.clock().nowMs() - 30LL * 24 * 3600 * 1000;
    if (Status s = timeRange(p, q.fromMs, q.toMs); !s)
        return out.error(s.error());
    q.serviceId = p.value(opt("service"));
    (void)engine.sweepExpired();
    auto r = engine.stats(q);
    if (!r)
        return out.error(r.error());
    out.document(Json::of(*r));
    out.line(QStringLiteral("Sessions from %1 to %2: %3")
                 .arg(humanTime(r->fromMs), humanTime(r->toMs))
                 .arg(r->total));
    for (Channel c : allChannels())
        out.line(QStringLiteral("  %1 %2")
                     .arg(channelName(c).leftJustified(10))
                     .arg(r->byChannel.value(c)));
    for (SessionStatus s : allStatuses())
        out.line(QStringLiteral("  %1 %2")
                     .arg(statusName(s).leftJustified(10))
                     .arg(r->byStatus.value(s)));
    out.line(QStringLiteral("  success rate      %1")
                 .arg(r->successRate ? QStringLiteral("%1 %").arg(*r->successRate * 100, 0, 'f', 1)
                                     : QStringLiteral("n/a (no finished sessions)")));
    out.line(QStringLiteral("  delivery failures %1").arg(r->deliveryFailures));
    return Ok;
}

void alertsOptions(QCommandLineParser &p)
{
    p.addOption({opt("service"), QStringLiteral("Only this service."), QStringLiteral("ID")});
}

// Exit 4 when there are alerts, so a cron job or a monitor can act on them.
int runAlerts(Engine &engine, const QCommandLineParser &p, const Output &out)
{
    if (!positional(p).isEmpty())
        return out.usage(QStringLiteral("alerts takes no arguments"));
    auto alerts = engine.pumpingAlerts(p.value(opt("service")));
    if (!alerts)
        return out.error(alerts.error());
    QJsonArray list;
    for (const PumpingAlert &a : std::as_const(*alerts))
        list.append(Json::of(a));
    out.document(list);
    if (alerts->isEmpty())
        out.line(QStringLiteral("No signs of SMS pumping."));
    for (const PumpingAlert &a : std::as_const(*alerts)) {
        const QString where =
            QStringLiteral("%1 (%2), service %3").arg(a.prefix, a.region, a.serviceId);
        if (a.kind == PumpingAlert::Kind::Burst)
            out.line(QStringLiteral("burst           %1: %2 starts since %3, usually %4 an hour")
                         .arg(where)
                         .arg(a.started)
                         .arg(humanTime(a.windowStart))
                         .arg(a.usualPerHour, 0, 'f', 1));
        else
            out.line(QStringLiteral("low conversion  %1: %2 of %3 verified from %4 to %5, the "
                                    "service usually %6")
                         .arg(where)
                         .arg(a.verified)
                         .arg(a.started)
                         .arg(humanTime(a.windowStart), humanTime(a.windowEnd),
                              a.usualConversion
                                  ? QStringLiteral("%1 %").arg(*a.usualConversion * 100, 0, 'f', 1)
                                  : QStringLiteral("n/a (too few sessions)")));
    }
    return alerts->isEmpty() ? Ok : Alerts;
}

int runDeliver(Engine &engine, const QCommandLineParser &p, const Output &out)
{
    if (!positional(p).isEmpty())
        return out.usage(QStringLiteral("deliver takes no arguments"));
    int total = 0;
    for (;;) {
        auto n = engine.deliverDue();
        if (!n)
            return out.error(n.error());
        total += *n;
        if (*n == 0)
            break;
    }
    out.document(QJsonObject{{QStringLiteral("processed"), total}});
    out.line(QStringLiteral("Processed %1 queued deliveries.").arg(total));
    return Ok;
}

int runSweep(Engine &engine, const QCommandLineParser &p, const Output &out)
{
    if (!positional(p).isEmpty())
        return out.usage(QStringLiteral("sweep takes no arguments"));
    auto n = engine.sweepExpired();
    if (!n)
        return out.error(n.error());
    out.document(QJsonObject{{QStringLiteral("expired"), *n}});
    out.line(QStringLiteral("Expired %1 sessions.").arg(*n));
    return Ok;
}

int runServices(Engine &engine, const QCommandLineParser &p, const Output &out)
{
    const QStringList args = positional(p);
    const QString sub = args.value(0, QStringLiteral("list"));
    if (sub == QLatin1String("list") && args.size() <= 1) {
        auto all = engine.services();
        if (!all)
            return out.error(all.error());
        QJsonArray a;
        for (const Service &s : *all)
            a.append(s.toJson());
        out.document(a);
        for (const Service &s : *all)
            out.line(QStringLiteral("%1  %2  %3  ttl %4 s, %5 attempts, %6 resends")
                         .arg(s.id.leftJustified(16),
                              s.enabled ? QStringLiteral("enabled ") : QStringLiteral("disabled"),
                              s.name)
                         .arg(s.ttlSeconds)
                         .arg(s.maxAttempts)
                         .arg(s.maxResends));
        return Ok;
    }
    if ((sub == QLatin1String("show") && args.size() == 2) ||
        (sub == QLatin1String("update") && args.size() >= 3)) {
        Result<Service> s = engine.service(args.at(1));
        if (s && sub == QLatin1String("update")) {
            QJsonObject changes;
            for (const QString &kv : args.mid(2)) {
                const qsizetype eq = kv.indexOf(u'=');
                if (eq <= 0)
                    return out.usage(
                        QStringLiteral("settings are KEY=VALUE, e.g. ttl_seconds=600"));
                auto value = ServiceRules::parseFieldText(kv.left(eq), kv.mid(eq + 1));
                if (!value)
                    return out.error(value.error());
                changes.insert(kv.left(eq), *value);
            }
            s = engine.updateService(args.at(1), changes, cliActor());
        }
        if (!s)
            return out.error(s.error());
        out.document(s->toJson());
        const QJsonObject o = s->toJson();
        for (const ServiceField &f : ServiceRules::fields()) {
            const QJsonValue v = o.value(f.key);
            const QString text =
                v.isArray() ? v.toVariant().toStringList().join(u',') : v.toVariant().toString();
            out.line(QStringLiteral("%1 %2").arg(f.key.leftJustified(30), text));
        }
        return Ok;
    }
    return out.usage(QStringLiteral("services list | services show ID | services update ID "
                                    "KEY=VALUE..."));
}

// --- admin ----------------------------------------------------------------------------------

QString timeOrDash(const std::optional<qint64> &t)
{
    return t ? humanTime(*t) : QStringLiteral("-");
}

void keysOptions(QCommandLineParser &p)
{
    p.addOptions({
        {opt("name"), QStringLiteral("keys create: what the key is for."), QStringLiteral("N")},
        {opt("scope"), QStringLiteral("keys create: verify or admin."), QStringLiteral("S")},
        {opt("service"), QStringLiteral("keys create: only this service (default: all)."),
         QStringLiteral("ID")},
        {opt("expires"), QStringLiteral("keys create: expire after DAYS days."),
         QStringLiteral("DAYS")},
    });
}

int runKeys(Engine &engine, const QCommandLineParser &p, const Output &out)
{
    const QStringList args = positional(p);
    const QString sub = args.value(0);
    const qint64 now = engine.clock().nowMs();
    if (sub == QLatin1String("create") && args.size() == 1) {
        if (!p.isSet(opt("name")) || !p.isSet(opt("scope")))
            return out.usage(QStringLiteral("keys create needs --name and --scope"));
        CreateKeyRequest r{
            p.value(opt("name")), p.value(opt("scope")), p.value(opt("service")), {}};
        if (p.isSet(opt("expires"))) {
            auto days = intOption(p, opt("expires"));
            if (!days)
                return out.error(Error::invalid(QStringLiteral("expires"), days.error().message));
            r.expiresInDays = *days;
        }
        auto issued = engine.createKey(r, cliActor());
        if (!issued)
            return out.error(issued.error());
        out.document(QJsonObject{{QStringLiteral("id"), issued->info.id},
                                 {QStringLiteral("prefix"), issued->info.prefix},
                                 {QStringLiteral("key"), issued->key}});
        out.line(
            QStringLiteral("Issued %1 key %2 (%3).")
                .arg(keyScopeName(issued->info.scope), issued->info.prefix, issued->info.name));
        out.line(QStringLiteral("The key is shown only now; store it safely:"));
        out.line(QStringLiteral("  ") + issued->key);
        return Ok;
    }
    if ((sub == QLatin1String("list") || sub.isEmpty()) && args.size() <= 1) {
        auto keys = engine.keys();
        if (!keys)
            return out.error(keys.error());
        QJsonArray all;
        for (const ApiKeyInfo &k : *keys)
            all.append(Json::of(k, now));
        out.document(all);
        if (keys->isEmpty())
            out.line(QStringLiteral("No API keys."));
        for (const ApiKeyInfo &k : *keys)
            out.line(QStringLiteral("%1  %2  %3  %4  %5  last used %6")
                         .arg(k.prefix, keyScopeName(k.scope).leftJustified(6),
                              k.state(now).leftJustified(7),
                              (k.serviceId.isEmpty() ? QStringLiteral("all") : k.serviceId)
                                  .leftJustified(12),
                              k.name, timeOrDash(k.lastUsedAt)));
        return Ok;
    }
    if (sub == QLatin1String("revoke") && args.size() == 2) {
        auto revoked = engine.revokeKey(args.at(1), cliActor());
        if (!revoked)
            return out.error(revoked.error());
        out.document(QJsonObject{{QStringLiteral("id"), revoked->id},
                                 {QStringLiteral("prefix"), revoked->prefix},
                                 {QStringLiteral("state"), revoked->state(now)}});
        out.line(QStringLiteral("Revoked %1 (%2). Requests with it now get 401.")
                     .arg(revoked->prefix, revoked->name));
        return Ok;
    }
    return out.usage(QStringLiteral("keys create --name N --scope verify|admin [--service ID] "
                                    "[--expires DAYS] | keys list | keys revoke ID|PREFIX"));
}

void sessionsOptions(QCommandLineParser &p)
{
    p.addOptions({
        {opt("status"), QStringLiteral("Only this status."), QStringLiteral("S")},
        {opt("channel"), QStringLiteral("Only this channel."), QStringLiteral("C")},
        {opt("service"), QStringLiteral("Only this service."), QStringLiteral("ID")},
        {opt("recipient"), QStringLiteral("Exact phone number or e-mail address."),
         QStringLiteral("R")},
        {opt("from"), QStringLiteral("Created at or after (YYYY-MM-DD or RFC 3339)."),
         QStringLiteral("T")},
        {opt("to"), QStringLiteral("Created before."), QStringLiteral("T")},
        {opt("limit"), QStringLiteral("At most N (default 50)."), QStringLiteral("N"),
         QStringLiteral("50")},
        {opt("cursor"), QStringLiteral("Continue after a previous page."), QStringLiteral("C")},
    });
}

int runSessions(Engine &engine, const QCommandLineParser &p, const Output &out)
{
    const QStringList args = positional(p);
    if (args.size() > 1 || (args.size() == 1 && args.first() != QLatin1String("list")))
        return out.usage(QStringLiteral("sessions list [--status S] [--channel C] [--service ID] "
                                        "[--recipient R] [--from T] [--to T] [--limit N]"));
    SessionQuery q;
    if (p.isSet(opt("status"))) {
        q.status = statusFromName(p.value(opt("status")));
        if (!q.status)
            return out.error(Error::invalid(QStringLiteral("status"),
                                            QStringLiteral("must be pending, delivered, verified, "
                                                           "failed, expired or cancelled")));
    }
    if (p.isSet(opt("channel"))) {
        q.channel = channelFromName(p.value(opt("channel")));
        if (!q.channel)
            return out.error(Error::invalid(QStringLiteral("channel"),
                                            QStringLiteral("must be sms, voice or email")));
    }
    if (Status s = timeRange(p, q.fromMs, q.toMs); !s)
        return out.error(s.error());
    q.serviceId = p.value(opt("service"));
    q.recipient = p.value(opt("recipient"));
    q.cursor = p.value(opt("cursor"));
    auto limit = intOption(p, opt("limit"));
    if (!limit)
        return out.error(Error::invalid(QStringLiteral("limit"), limit.error().message));
    q.limit = *limit;
    auto page = engine.findSessions(q);
    if (!page)
        return out.error(page.error());
    QJsonArray list;
    for (const SessionView &v : page->sessions)
        list.append(Json::of(v));
    out.document(QJsonObject{{QStringLiteral("sessions"), list},
                             {QStringLiteral("next_cursor"), page->nextCursor.isEmpty()
                                                                 ? QJsonValue(QJsonValue::Null)
                                                                 : QJsonValue(page->nextCursor)}});
    if (page->sessions.isEmpty())
        out.line(QStringLiteral("No sessions."));
    for (const SessionView &v : page->sessions)
        out.line(QStringLiteral("%1  %2  %3  %4  %5  %6")
                     .arg(v.id, humanTime(v.createdAt), statusName(v.status).leftJustified(9),
                          channelName(v.channel).leftJustified(5),
                          v.recipientMasked.leftJustified(16), v.serviceId));
    if (!page->nextCursor.isEmpty())
        out.line(QStringLiteral("More: --cursor %1").arg(page->nextCursor));
    return Ok;
}

void auditOptions(QCommandLineParser &p)
{
    p.addOption(
        {opt("search"), QStringLiteral("Only entries mentioning TEXT."), QStringLiteral("TEXT")});
    p.addOption({opt("limit"), QStringLiteral("At most N (default 50)."), QStringLiteral("N"),
                 QStringLiteral("50")});
}

int runAudit(Engine &engine, const QCommandLineParser &p, const Output &out)
{
    if (!positional(p).isEmpty())
        return out.usage(QStringLiteral("audit takes options only: [--search TEXT] [--limit N]"));
    auto limit = intOption(p, opt("limit"));
    if (!limit)
        return out.error(Error::invalid(QStringLiteral("limit"), limit.error().message));
    auto entries = engine.audit({p.value(opt("search")), 0, *limit});
    if (!entries)
        return out.error(entries.error());
    QJsonArray list;
    for (const AuditEntry &e : *entries)
        list.append(Json::of(e));
    out.document(list);
    if (entries->isEmpty())
        out.line(QStringLiteral("The audit log is empty."));
    for (const AuditEntry &e : *entries)
        out.line(
            QStringLiteral("%1  %2  %3  %4 %5  %6")
                .arg(humanTime(e.at), e.actor.leftJustified(20), e.action.leftJustified(16),
                     e.targetType, e.targetId,
                     QString::fromUtf8(QJsonDocument(e.detail).toJson(QJsonDocument::Compact))));
    return Ok;
}

int runBackup(Engine &engine, const QCommandLineParser &p, const Output &out)
{
    if (positional(p).size() != 1)
        return out.usage(QStringLiteral("backup FILE"));
    const QString file = positional(p).first();
    if (Status s = engine.backup(file); !s)
        return out.error(s.error());
    out.document(QJsonObject{{QStringLiteral("file"), file}});
    out.line(QStringLiteral("Backed up the database to %1.").arg(file));
    out.line(QStringLiteral("Keep a copy of the master secret (%1) too: without it the backup's "
                            "codes, recipients and messages cannot be read.")
                 .arg(engine.config().masterSecretFile));
    return Ok;
}

// --- delivery providers -----------------------------------------------------------------------

void providersOptions(QCommandLineParser &p)
{
    p.addOptions({
        {opt("kind"),
         QStringLiteral("providers set: smtp, kannel or http (default: the kind it "
                        "has)."),
         QStringLiteral("KIND")},
        {opt("secret"),
         QStringLiteral("providers set: a secret setting (password, token) to read from standard "
                        "input, one line each, in the order given; repeatable."),
         QStringLiteral("KEY")},
        {opt("channel"), QStringLiteral("providers test: sms, voice or email."),
         QStringLiteral("C")},
        {opt("recipient"), QStringLiteral("providers test: where the test message goes."),
         QStringLiteral("R")},
    });
}

// A setting's text as its field's JSON type; "@FILE" reads a text setting from a file.
Result<QJsonValue> providerValue(const ProviderField &f, const QString &text)
{
    switch (f.type) {
    case ProviderField::Type::Number: {
        bool ok = false;
        const double v = text.toDouble(&ok);
        if (!ok)
            return Error::invalid(f.key, QStringLiteral("must be a number"));
        return QJsonValue(v);
    }
    case ProviderField::Type::Bool: {
        const QString t = text.toLower();
        if (t == QLatin1String("true") || t == QLatin1String("yes") || t == QLatin1String("1"))
            return QJsonValue(true);
        if (t == QLatin1String("false") || t == QLatin1String("no") || t == QLatin1String("0"))
            return QJsonValue(false);
        return Error::invalid(f.key, QStringLiteral("must be true or false"));
    }
    case ProviderField::Type::Choice:
        if (!f.choices.contains(text))
            return Error::invalid(
                f.key,
                QStringLiteral("must be one of: %1").arg(f.choices.join(QStringLiteral(", "))));
        return QJsonValue(text);
    case ProviderField::Type::Secret:
        return Error::invalid(f.key, QStringLiteral("is a secret: pass --secret %1 and give it on "
                                                    "standard input, so it stays out of the shell "
                                                    "history and the process list")
                                         .arg(f.key));
    case ProviderField::Type::Text:
    case ProviderField::Type::MultiLine:
        break;
    }
    if (text.startsWith(u'@')) {
        QFile file(text.mid(1));
        if (!file.open(QIODevice::ReadOnly))
            return Error::invalid(
                f.key,
                QStringLiteral("cannot read %1: %2").arg(file.fileName(), file.errorString()));
        return QJsonValue(QString::fromUtf8(file.readAll()));
    }
    return QJsonValue(text);
}

// One line of standard input without echo when it is a terminal.
Result<QString> readSecretLine(const QString &key)
{
    const bool tty = ::isatty(STDIN_FILENO) == 1;
    termios saved{};
    if (tty) {
        std::fprintf(stderr, "%s: ", qPrintable(key));
        std::fflush(stderr);
        ::tcgetattr(STDIN_FILENO, &saved);
        termios quiet = saved;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        ::tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    }
    std::string line;
    bool got = false;
    for (int ch; (ch = std::fgetc(stdin)) != EOF;) {
        got = true;
        if (ch == '\n')
            break;
        line.push_back(static_cast<char>(ch));
    }
    if (tty) {
        ::tcsetattr(STDIN_FILENO, TCSANOW, &saved);
        std::fputc('\n', stderr);
    }
    if (!line.empty() && line.back() == '\r')
        line.pop_back();
    QString value = QString::fromStdString(line);
    OPENSSL_cleanse(line.data(), line.size());
    if (!got)
        return Error::invalid(key, QStringLiteral("no value on standard input"));
    return value;
}

QString routeTarget(const ProviderRoute &r)
{
    return (r.serviceId.isEmpty() ? QStringLiteral("all services") : r.serviceId) +
           QStringLiteral(" / ") + channelName(r.channel);
}

QJsonObject providerJson(const ProviderRecord &r, const QList<ProviderRoute> &routes)
{
    QJsonArray routed;
    for (const ProviderRoute &route : routes)
        if (route.provider == r.name)
            routed.append(QJsonObject{{QStringLiteral("service_id"), route.serviceId},
                                      {QStringLiteral("channel"), channelName(route.channel)}});
    return {{QStringLiteral("name"), r.name},
            {QStringLiteral("kind"), r.kind},
            {QStringLiteral("settings"), r.settings},
            {QStringLiteral("secrets_set"), QJsonArray::fromStringList(r.secretKeys)},
            {QStringLiteral("routes"), routed},
            {QStringLiteral("updated_at"), Json::time(r.updatedAt)}};
}

int runProviders(Engine &engine, const QCommandLineParser &p, const Output &out)
{
    const QStringList args = positional(p);
    const QString sub = args.value(0, QStringLiteral("list"));
    const QString usage = QStringLiteral(
        "providers list | providers show NAME | providers set NAME [--kind K] KEY=VALUE... "
        "[--secret KEY]... | providers remove NAME | providers route SERVICE|all CHANNEL "
        "NAME|outbox | providers test NAME --channel C --recipient R");
    auto all = engine.providerConfigs();
    if (!all)
        return out.error(all.error());
    auto routes = engine.providerRoutes();
    if (!routes)
        return out.error(routes.error());
    const auto find = [&all](const QString &name) -> const ProviderRecord * {
        for (const ProviderRecord &r : std::as_const(*all))
            if (r.name == name)
                return &r;
        return nullptr;
    };

    if (sub == QLatin1String("list") && args.size() <= 1) {
        QJsonArray a;
        for (const ProviderRecord &r : std::as_const(*all))
            a.append(providerJson(r, *routes));
        out.document(a);
        if (all->isEmpty())
            out.line(QStringLiteral("No providers: every message goes to the local outbox."));
        for (const ProviderRecord &r : std::as_const(*all)) {
            QStringList routed;
            for (const ProviderRoute &route : std::as_const(*routes))
                if (route.provider == r.name)
                    routed.append(routeTarget(route));
            out.line(QStringLiteral("%1  %2  %3")
                         .arg(r.name.leftJustified(16), r.kind.leftJustified(7),
                              routed.isEmpty() ? QStringLiteral("(not routed)")
                                               : routed.join(QStringLiteral(", "))));
        }
        return Ok;
    }
    if (sub == QLatin1String("show") && args.size() == 2) {
        const ProviderRecord *r = find(args.at(1));
        if (!r)
            return out.error(
                Error::notFound(QStringLiteral("no provider named %1").arg(args.at(1))));
        out.document(providerJson(*r, *routes));
        out.line(QStringLiteral("Provider %1 (%2)").arg(r->name, r->kind));
        for (const ProviderField &f : providerFields(r->kind)) {
            QString text;
            if (f.type == ProviderField::Type::Secret)
                text = r->secretKeys.contains(f.key) ? QStringLiteral("(set)")
                                                     : QStringLiteral("(not set)");
            else if (r->settings.contains(f.key))
                text = r->settings.value(f.key).toVariant().toString();
            else
                continue;
            out.line(QStringLiteral("  %1 %2").arg(f.key.leftJustified(24), text));
        }
        for (const ProviderRoute &route : std::as_const(*routes))
            if (route.provider == r->name)
                out.line(QStringLiteral("  sends for %1").arg(routeTarget(route)));
        return Ok;
    }
    if (sub == QLatin1String("set") && args.size() >= 2) {
        const QString name = args.at(1);
        const ProviderRecord *existing = find(name);
        const QString kind = p.isSet(opt("kind")) ? p.value(opt("kind"))
                             : existing           ? existing->kind
                                                  : QString();
        if (kind.isEmpty())
            return out.usage(QStringLiteral("a new provider needs --kind smtp|kannel|http"));
        if (!providerKinds().contains(kind))
            return out.error(Error::invalid(QStringLiteral("kind"),
                                            QStringLiteral("kind must be one of: %1")
                                                .arg(providerKinds().join(QStringLiteral(", ")))));
        const QList<ProviderField> fields = providerFields(kind);
        const auto fieldOf = [&fields](const QString &key) -> const ProviderField * {
            for (const ProviderField &f : fields)
                if (f.key == key)
                    return &f;
            return nullptr;
        };
        const auto unknown = [&](const QString &key) {
            QStringList known;
            for (const ProviderField &f : fields)
                known.append(f.key);
            return Error::invalid(key, QStringLiteral("a %1 provider has no setting %2 (it has: "
                                                      "%3)")
                                           .arg(kind, key, known.join(QStringLiteral(", "))));
        };
        // Settings not named keep their values (when the kind stays the same).
        QJsonObject settings =
            existing && existing->kind == kind ? existing->settings : QJsonObject();
        for (const QString &kv : args.mid(2)) {
            const qsizetype eq = kv.indexOf(u'=');
            if (eq <= 0)
                return out.usage(
                    QStringLiteral("settings are KEY=VALUE, e.g. host=mail.example.com"));
            const QString key = kv.left(eq);
            const ProviderField *f = fieldOf(key);
            if (!f)
                return out.error(unknown(key));
            auto value = providerValue(*f, kv.mid(eq + 1));
            if (!value)
                return out.error(value.error());
            settings.insert(key, *value);
        }
        QJsonObject secrets;
        for (const QString &key : p.values(opt("secret"))) {
            const ProviderField *f = fieldOf(key);
            if (!f)
                return out.error(unknown(key));
            if (f->type != ProviderField::Type::Secret)
                return out.error(Error::invalid(
                    key, QStringLiteral("is not a secret: give it as %1=VALUE").arg(key)));
            auto value = readSecretLine(key);
            if (!value)
                return out.error(value.error());
            secrets.insert(key, *value);
        }
        if (Status s = engine.saveProvider(name, kind, settings, secrets, cliActor()); !s)
            return out.error(s.error());
        auto saved = engine.providerConfigs();
        if (!saved)
            return out.error(saved.error());
        for (const ProviderRecord &r : std::as_const(*saved))
            if (r.name == name)
                out.document(providerJson(r, *routes));
        out.line(QStringLiteral("Saved %1 provider %2. Every process on this database uses the "
                                "new settings from its next message.")
                     .arg(kind, name));
        return Ok;
    }
    if (sub == QLatin1String("remove") && args.size() == 2) {
        if (!find(args.at(1)))
            return out.error(
                Error::notFound(QStringLiteral("no provider named %1").arg(args.at(1))));
        if (Status s = engine.removeProvider(args.at(1), cliActor()); !s)
            return out.error(s.error());
        out.document(QJsonObject{{QStringLiteral("removed"), args.at(1)}});
        out.line(QStringLiteral("Removed provider %1.").arg(args.at(1)));
        return Ok;
    }
    if (sub == QLatin1String("route") && args.size() == 4) {
        const QString service = args.at(1) == QLatin1String("all") ? QString() : args.at(1);
        const auto channel = channelFromName(args.at(2));
        if (!channel)
            return out.error(Error::invalid(QStringLiteral("channel"),
                                            QStringLiteral("channel must be sms, voice or email")));
        const QString provider = args.at(3) == QLatin1String("outbox") ? QString() : args.at(3);
        if (Status s = engine.setProviderRoute(service, *channel, provider, cliActor()); !s)
            return out.error(s.error());
        out.document(QJsonObject{{QStringLiteral("service_id"), service},
                                 {QStringLiteral("channel"), channelName(*channel)},
                                 {QStringLiteral("provider"),
                                  provider.isEmpty() ? QStringLiteral("local_outbox") : provider}});
        out.line(QStringLiteral("%1 messages for %2 now go to %3.")
                     .arg(channelName(*channel),
                          service.isEmpty() ? QStringLiteral("all services") : service,
                          provider.isEmpty() ? QStringLiteral("the local outbox") : provider));
        return Ok;
    }
    if (sub == QLatin1String("test") && args.size() == 2) {
        if (!p.isSet(opt("channel")) || !p.isSet(opt("recipient")))
            return out.usage(QStringLiteral("providers test needs --channel and --recipient"));
        const auto channel = channelFromName(p.value(opt("channel")));
        if (!channel)
            return out.error(Error::invalid(QStringLiteral("channel"),
                                            QStringLiteral("channel must be sms, voice or email")));
        auto outcome =
            engine.sendTestMessage(args.at(1), *channel, p.value(opt("recipient")), cliActor());
        if (!outcome)
            return out.error(outcome.error());
        out.document(QJsonObject{{QStringLiteral("succeeded"), outcome->succeeded()},
                                 {QStringLiteral("message_id"), outcome->providerMessageId},
                                 {QStringLiteral("error"), outcome->error}});
        if (outcome->succeeded()) {
            out.line(QStringLiteral("Sent: %1 took the test message%2.")
                         .arg(args.at(1),
                              outcome->providerMessageId.isEmpty()
                                  ? QString()
                                  : QStringLiteral(" (id %1)").arg(outcome->providerMessageId)));
            return Ok;
        }
        return out.error(Error::unavailable(
            QStringLiteral("the test message was not sent: %1").arg(outcome->error)));
    }
    return out.usage(usage);
}

void noOptions(QCommandLineParser &) {}

} // namespace

const QList<Command> &commands()
{
    static const QList<Command> all{
        {QStringLiteral("start"), QStringLiteral("--channel C --recipient R"),
         QStringLiteral("Start a verification: create a code and send it."), startOptions,
         runStart},
        {QStringLiteral("check"), QStringLiteral("SESSION_ID CODE"),
         QStringLiteral("Check a code (exit 0 verified, 3 not verified)."), noOptions, runCheck},
        {QStringLiteral("status"), QStringLiteral("SESSION_ID"), QStringLiteral("Show a session."),
         noOptions, runStatus},
        {QStringLiteral("cancel"), QStringLiteral("SESSION_ID"),
         QStringLiteral("Cancel an open session."), noOptions, runCancel},
        {QStringLiteral("resend"), QStringLiteral("SESSION_ID [--channel C]"),
         QStringLiteral("Send a new code; the old one stops working."), resendOptions, runResend},
        {QStringLiteral("events"), QStringLiteral("SESSION_ID"),
         QStringLiteral("Show what happened to a session."), noOptions, runEvents},
        {QStringLiteral("webhooks"),
         QStringLiteral("list SESSION_ID | failed [--service ID] | retry SESSION_ID|--all "
                        "[--service ID]"),
         QStringLiteral("Status webhooks; retry sends those that failed for good again."),
         webhooksOptions, runWebhooks},
        {QStringLiteral("outbox"), QStringLiteral("[--session ID] [--limit N]"),
         QStringLiteral("Show messages in the local outbox."), outboxOptions, runOutbox},
        {QStringLiteral("stats"), QStringLiteral("[--from T] [--to T] [--service ID]"),
         QStringLiteral("Sessions by channel and status, success rate."), statsOptions, runStats},
        {QStringLiteral("alerts"), QStringLiteral("[--service ID]"),
         QStringLiteral("Signs of SMS pumping now, per number prefix (exit 4 when any)."),
         alertsOptions, runAlerts},
        {QStringLiteral("services"), QStringLiteral("list | show ID | update ID KEY=VALUE..."),
         QStringLiteral("List, show or change services."), noOptions, runServices},
        {QStringLiteral("keys"),
         QStringLiteral("create --name N --scope verify|admin [--service ID] [--expires DAYS] | "
                        "list | revoke ID|PREFIX"),
         QStringLiteral("Issue, list or revoke API keys."), keysOptions, runKeys},
        {QStringLiteral("providers"),
         QStringLiteral("list | show NAME | set NAME [--kind K] KEY=VALUE... [--secret KEY]... | "
                        "remove NAME | route SERVICE|all CHANNEL NAME|outbox | test NAME "
                        "--channel C --recipient R"),
         QStringLiteral("Configure delivery providers (SMTP, Kannel, HTTP) and their routes."),
         providersOptions, runProviders},
        {QStringLiteral("sessions"), QStringLiteral("list [filters]"),
         QStringLiteral("List sessions, newest first."), sessionsOptions, runSessions},
        {QStringLiteral("audit"), QStringLiteral("[--search TEXT] [--limit N]"),
         QStringLiteral("The audit log of admin actions, newest first."), auditOptions, runAudit},
        {QStringLiteral("backup"), QStringLiteral("FILE"),
         QStringLiteral("Copy the database (safe while verifyd runs)."), noOptions, runBackup},
        {QStringLiteral("deliver"), QString(),
         QStringLiteral("Send every queued message that is due now."), noOptions, runDeliver},
        {QStringLiteral("sweep"), QString(), QStringLiteral("Expire sessions whose time is up."),
         noOptions, runSweep},
    };
    return all;
}

const Command *findCommand(const QString &name)
{
    for (const Command &c : commands())
        if (c.name == name)
            return &c;
    return nullptr;
}

} // namespace vc::cli
