/**
 * What the server does once when it starts (from instrumentation.ts): check the settings, install the HTTP
 * hook, and schedule the outbox retries (with the reminders and the digest), the retention purge and the shared
 * settings' heartbeat.
 */
import { randomUUID } from "node:crypto";
import path from "node:path";
import { quoteForm } from "@/content/quote-form";
import { HEARTBEAT_MS, recordInstance } from "@/lib/ops/shared-settings";
import { clearShortLived, purge } from "@/lib/leads/retention";
import { runDailyBackup } from "@/lib/ops/daily-backup";
import { MAX_BODY_BYTES } from "@/lib/quotes/fields";
import type { BodyLimit } from "./body-guard";
import { buildDir } from "./build-dir";
import { serverContext, type ServerContext } from "./context";
import { writeDevOrigin } from "./dev-origin";
import { ConfigError } from "./env";
import { installHttpHook } from "./http-hook";
import { readActionIds, reviveOutdatedAction } from "./outdated-action";
import { refusalPage } from "./refusal-page";
import { securityHeaders } from "./security-headers";
import { log } from "./log";
import { localOrigin } from "./site-url";

const RETRY_EVERY_MS = 60_000;

const page = (message: string) => ({
  html: refusalPage(message, quoteForm.backToForm),
  headers: Object.fromEntries(securityHeaders(true).map((header) => [header.key, header.value])),
});
/** The form's body limit and the two pages lib/server/body-guard.ts answers with. */
const bodyLimit: BodyLimit = {
  maxBytes: MAX_BODY_BYTES,
  refusal: () => page(quoteForm.tooLarge),
  busy: () => page(quoteForm.busy),
};

/**
 * Every minute: queues the response clock's reminders and digest that are due (exactly once across instances),
 * then delivers mail left pending by an earlier process, a mail outage, or that step.
 */
function startOutboxRetries(context: ServerContext) {
  let running = false;
  // One pass at a time: a slow or dead mail server must not pile passes up.
  const run = async () => {
    if (running) return;
    running = true;
    try {
      await context.followUp();
    } catch (error) {
      log.error("follow-up: queueing reminders or the digest failed", error);
    }
    try {
      await context.deliver();
    } catch (error) {
      log.error("mail: scheduled outbox delivery failed", error);
    } finally {
      running = false;
    }
  };
  setTimeout(() => void run(), 2_000).unref();
  setInterval(() => void run(), RETRY_EVERY_MS).unref();
}

const PURGE_EVERY_MS = 24 * 60 * 60_000;

/** Retention (lib/leads/retention.ts): IP hashes and expired sign-in tokens every minute, the rest daily. */
function startRetention(context: ServerContext) {
  const { settings } = context;
  const guard = (label: string, task: () => Promise<unknown>) => async () => {
    try {
      await task();
    } catch (error) {
      log.error(`retention: ${label} failed`, error);
    }
  };
  const hashes = guard("clearing IP hashes and expired sign-in tokens", () => clearShortLived(context.db, settings));
  const daily = guard("the daily purge", async () => {
    const result = await purge({ db: context.db, settings, mailDir: settings.MAIL_DIR });
    if (result.spam + result.leads + result.messages + result.bodiesBlanked > 0)
      log.info(`retention: ${JSON.stringify(result)}`);
  });
  setTimeout(() => void daily(), 30_000).unref();
  setInterval(() => void daily(), PURGE_EVERY_MS).unref();
  setInterval(() => void hashes(), RETRY_EVERY_MS).unref();
}

/**
 * This process's keyed digest of its shared settings, in the database now and every HEARTBEAT_MS after, for the
 * health report's comparison across instances (lib/ops/shared-settings.ts).
 */
function startSettingsHeartbeat(context: ServerContext) {
  const instance = randomUUID();
  const beat = async () => {
    try {
      await recordInstance(context.db, instance, context.settingsDigest);
    } catch (error) {
      log.warn("settings: could not record this instance's shared settings", error);
    }
  };
  void beat();
  setInterval(() => void beat(), HEARTBEAT_MS).unref();
}

/** The daily backup (lib/ops/daily-backup.ts) when BACKUP_DIR is set: looked for after start, then every minute. */
function startBackups(context: ServerContext) {
  if (!context.settings.BACKUP_DIR) return;
  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    try {
      const result = await runDailyBackup({
        db: context.db,
        settings: context.settings,
        pgTools: context.pgTools,
        now: new Date(),
      });
      if (result.status === "made")
        log.info(
          `backup: wrote ${path.basename(result.backup.file)} (${result.backup.leads} leads, ${result.backup.ms} ms)` +
            (result.pruned.length ? `; removed ${result.pruned.length} older` : ""),
        );
    } catch (error) {
      log.error("backup: the daily backup failed; it is tried again in a minute", error);
    } finally {
      running = false;
    }
  };
  setTimeout(() => void run(), 5_000).unref();
  setInterval(() => void run(), RETRY_EVERY_MS).unref();
}

export async function onServerStart() {
  let context: ServerContext;
  try {
    context = serverContext();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    // Refuse to serve with a broken configuration: one message naming each variable, no stack trace.
    for (const line of `${error.message}\nSee .env.example for every setting. The server will not start.`.split("\n"))
      log.error(line);
    process.exit(1);
  }
  const ids = readActionIds(buildDir());
  if (!ids && context.settings.NODE_ENV === "production")
    log.warn("quote: the build names no quote action, so a form loaded from an older build loses its post");
  installHttpHook(bodyLimit, ids ? (request, body) => reviveOutdatedAction(request, body, ids) : undefined);
  // `npm run dev`: where it answers, for `npm run desk:link` and `npm run content:new` (lib/server/dev-origin.ts).
  if (context.settings.NODE_ENV === "development") writeDevOrigin(localOrigin());
  startOutboxRetries(context);
  startRetention(context);
  startSettingsHeartbeat(context);
  startBackups(context);
}
