/**
 * The composition root: the one place that reads the server's settings (`env()`) and builds what the parts
 * need from them: the database client, the mail transport and sender, the owner's sign-in, and the contexts of
 * the quote pipeline and the desk's commands. Routes, server actions, the server start-up and the CLIs ask it
 * for what they need; `lib/quotes`, `lib/leads`, `lib/mail` and `lib/auth` take settings as parameters.
 *
 * Next.js copies a module into several server bundles, so module-level state would exist once per bundle:
 * the context is cached on `globalThis`, and each part inside it is built on first use. This module imports
 * neither `next/*` nor `server-only`, because the CLIs (tsx) and vitest load it too; the one helper that runs
 * work after a response (`after()`) lives in app/.
 */
import nextEnv from "@next/env";
import { site } from "@/lib/content";
import { createAuth, authSecret, LINK_MINUTES, type Auth } from "@/lib/auth/create-auth";
import { queueSignInLink } from "@/lib/auth/sign-in-mail";
import { createDb, type Db } from "@/lib/db/client";
import { createExportReader, type ExportReader } from "@/lib/db/export-reader";
import type { CommandContext, Deliver, RenderHeldMail } from "@/lib/leads/commands";
import type { EraseOptions } from "@/lib/leads/erase";
import { runFollowUps, type FollowUpResult } from "@/lib/leads/follow-up";
import { heldMailRenderer } from "@/lib/leads/mail";
import { deliverPending, type DeliverOptions, type DeliverResult } from "@/lib/mail/outbox";
import type { MailContext } from "@/lib/mail/render";
import { journalErasure, type PgTools } from "@/lib/ops/backup";
import { createMailTransport, type MailTransport } from "@/lib/mail/transport";
import { settingsDigest } from "@/lib/ops/shared-settings";
import type { SubmitDeps } from "@/lib/quotes/submit";
import type { ResponseClock } from "@/lib/leads/response-clock";
import { postWebhook } from "@/lib/webhooks/send";
import { deskOrigin, env, leadWebhookSettings, ownerEmail, responseClock, sharedSettings, type Env } from "./env";
import { log } from "./log";

/** Runs a task once the current request has been answered; a failure is logged under `label`, never thrown. */
export type RunLater = (label: string, task: () => Promise<unknown>) => void;

/** What the desk's commands need: the database, who acts, the held mail's renderer and the sender. */
export type LeadContext = CommandContext & { renderHeldMail: RenderHeldMail; deliver: Deliver };

export type ServerContext = {
  readonly settings: Env;
  /** The one database client of this process. */
  readonly db: Db;
  /** A new client on DATABASE_URL, apart from `db`; its caller disconnects it (db:restore's restored database). */
  openDb(): Db;
  /** The CSV export's row reader, on the same database through its driver (lib/db/export-reader.ts). */
  readonly exportReader: ExportReader;
  /** SMTP when SMTP_URL is set (and MAIL_TRANSPORT is not "file"), otherwise .eml files under MAIL_DIR. */
  readonly transport: MailTransport;
  /** What the mail templates say about the site: its name, SITE_URL, the owner's name. */
  readonly mail: MailContext;
  /** The desk owner's address (OWNER_EMAIL, or QUOTE_TO). */
  readonly ownerEmail: string;
  /** The keyed digest of the settings every instance must share (lib/ops/shared-settings.ts). */
  readonly settingsDigest: string;
  /** The response clock: business days and hours, holidays, closed days, RESPONSE_TARGET_HOURS. */
  readonly clock: ResponseClock;
  /**
   * Sends due outbox rows with this process's transport, MAIL_FROM and claim time, and posts due lead alerts to
   * LEAD_WEBHOOK_URL (signed with LEAD_WEBHOOK_SECRET); `opts` override.
   */
  deliver(opts?: Partial<DeliverOptions>): Promise<DeliverResult>;
  /**
   * Queues the reminders and the digest due at `now` (lib/leads/follow-up.ts), exactly once across instances;
   * the outbox delivers them. The scheduler and /api/outbox/drain call it.
   */
  followUp(now?: Date): Promise<FollowUpResult>;
  /** The quote pipeline's dependencies (lib/quotes/submit.ts). */
  quote(): SubmitDeps;
  /** The desk's commands acting as `actor` (the owner's address, or "cli"). */
  leads(actor: string): LeadContext;
  /**
   * The server's sign-in: the owner's link is recorded in the outbox and sent through `runLater`, after the
   * response, so the answer takes the same time for every address; beyond SIGN_IN_LINK_MAX links in
   * SIGN_IN_LINK_WINDOW_MINUTES none is mailed (lib/auth/sign-in-mail.ts). Built once, on the first call.
   */
  auth(runLater: RunLater): Auth;
  /** A separate sign-in instance whose links go to `sendLink` (the `desk:link` command prints them; not capped). */
  authWith(sendLink: (url: string) => void | Promise<void>): Auth;
  /** How the owner's erasures run here: MAIL_DIR, the secret, the SMTP wait, and the journal beside the backups. */
  eraseOptions(actor: string): EraseOptions;
  /** pg_dump/pg_restore for backups: PATH (or PG_BIN) and this process's environment. */
  readonly pgTools: PgTools;
  /** Closes the mail transport, the export's reader and the database client (the CLIs, before they exit). */
  close(): Promise<void>;
};

/** Builds a context on the given settings; every part is made on first use. */
export function createServerContext(settings: Env): ServerContext {
  let db: Db | undefined;
  let exportReader: ExportReader | undefined;
  let transport: MailTransport | undefined;
  let auth: Auth | undefined;
  const owner = ownerEmail(settings);
  const clock = responseClock(settings);
  const mail: MailContext = {
    siteName: site.name,
    siteUrl: settings.SITE_URL,
    ownerName: site.owner.name,
    ownerRole: site.owner.role,
    contact: { email: site.contact.email, phone: site.contact.phone },
    timeZone: settings.BUSINESS_TIME_ZONE,
    bookingUrl: settings.BOOKING_URL,
  };
  const webhook = leadWebhookSettings(settings);
  // The lead alerts' POST: bounded by the SMTP time limit, which erasure also waits for a send in flight.
  const postAlert = webhook
    ? (delivery: Parameters<typeof postWebhook>[1]) =>
        postWebhook({ url: webhook.url, secret: webhook.secret, timeoutMs: settings.SMTP_TIMEOUT_MS }, delivery)
    : undefined;

  const openDb = () => createDb(settings.DATABASE_URL, { busyTimeoutMs: settings.DB_BUSY_TIMEOUT_MS });

  const context: ServerContext = {
    settings,
    get db() {
      db ??= openDb();
      return db;
    },
    openDb,
    get exportReader() {
      exportReader ??= createExportReader(settings.DATABASE_URL, { busyTimeoutMs: settings.DB_BUSY_TIMEOUT_MS });
      return exportReader;
    },
    get transport() {
      transport ??= createMailTransport({
        smtpUrl: settings.MAIL_TRANSPORT === "file" ? undefined : settings.SMTP_URL,
        mailDir: settings.MAIL_DIR,
        timeoutMs: settings.SMTP_TIMEOUT_MS,
      });
      return transport;
    },
    mail,
    ownerEmail: owner,
    settingsDigest: settingsDigest(sharedSettings(settings), settings.FORM_SECRET),
    clock,
    deliver: (opts = {}) =>
      deliverPending(context.db, context.transport, {
        from: settings.MAIL_FROM,
        siteUrl: settings.SITE_URL,
        lockMs: settings.OUTBOX_CLAIM_SECONDS * 1000,
        webhook: postAlert,
        ...opts,
      }),
    followUp: (now = new Date()) =>
      runFollowUps(
        {
          db: context.db,
          clock,
          ownerTo: settings.QUOTE_TO,
          deskOrigin: deskOrigin(settings),
          digestTime: settings.DIGEST_TIME,
          staleDays: settings.STALE_DAYS,
        },
        now,
      ),
    quote: () => ({ db: context.db, env: settings, mail, webhook }),
    leads: (actor) => ({
      db: context.db,
      actor,
      renderHeldMail: heldMailRenderer({ ownerTo: settings.QUOTE_TO, ctx: mail, clock, webhook }),
      deliver: (opts) => context.deliver(opts),
    }),
    auth(runLater) {
      auth ??= context.authWith((url) =>
        runLater("desk: could not queue or send the sign-in link", async () => {
          const id = await queueSignInLink(context.db, {
            url,
            to: owner,
            siteName: site.name,
            minutes: LINK_MINUTES,
            cap: { max: settings.SIGN_IN_LINK_MAX, windowMinutes: settings.SIGN_IN_LINK_WINDOW_MINUTES },
          });
          if (id !== null) await context.deliver({ ids: [id] });
        }),
      );
      return auth;
    },
    authWith: (sendLink) =>
      createAuth({
        db: context.db,
        databaseUrl: settings.DATABASE_URL,
        baseURL: deskOrigin(settings),
        secret: authSecret(settings.FORM_SECRET),
        ownerEmail: owner,
        siteName: site.name,
        sendLink,
        log,
      }),
    eraseOptions: (actor) => ({
      db: context.db,
      mailDir: settings.MAIL_DIR,
      secret: settings.FORM_SECRET,
      actor,
      smtpTimeoutMs: settings.SMTP_TIMEOUT_MS,
      journal: settings.BACKUP_DIR ? (entry) => journalErasure(settings.BACKUP_DIR!, entry) : undefined,
    }),
    pgTools: { bin: settings.PG_BIN, env: process.env },
    async close() {
      transport?.close();
      await exportReader?.close();
      await db?.$disconnect();
    },
  };
  return context;
}

const holder = globalThis as unknown as { fsDevServerContext?: ServerContext };

/**
 * The context of this process, on its environment's settings (kept across hot reloads in development and
 * shared by every bundle Next.js made). Throws a ConfigError naming each bad setting.
 */
export function serverContext(): ServerContext {
  holder.fsDevServerContext ??= createServerContext(env());
  return holder.fsDevServerContext;
}

/**
 * For the CLIs, before they ask for a context: loads the .env files `next start` reads into the environment (a
 * variable already set there wins), so SMTP_URL, DATABASE_URL and the rest agree with the server's. A file that
 * cannot be read is reported to `printError` (the CLI's console, for its operator).
 */
export function loadSettingsFiles(printError: (...args: unknown[]) => void): void {
  nextEnv.loadEnvConfig(process.cwd(), false, { info: () => {}, error: printError });
}

/**
 * A context on this process's settings with the site at `origin` in place of SITE_URL (`desk:link`: its links
 * open where the site answers). Separate from `serverContext()`; throws a ConfigError naming each bad setting.
 */
export function serverContextAt(origin: string): ServerContext {
  return createServerContext({ ...env(), SITE_URL: origin });
}
