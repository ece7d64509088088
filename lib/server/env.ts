import { z } from "zod";
import { DEFAULT_DATABASE_URL } from "./defaults.mjs";
import { parseBusinessDays, parseBusinessHours, parseClosedDays } from "@/lib/leads/business-calendar";
import type { ResponseClock } from "@/lib/leads/response-clock";
import { isTimeZone } from "@/lib/text/local-time";
import type { LeadWebhookSettings } from "@/lib/webhooks/payload";
import { backupTimeValue } from "./settings/backup-time";
import {
  businessDaysValue,
  businessHoursValue,
  closedDaysValue,
  publicHolidaysValue,
  timeOfDayValue,
} from "./settings/business-calendar";
import { DEV_SECRET } from "./settings/form-secret";
import { webhookProblems, webhookSecretValue } from "./settings/lead-webhook";
import { productionProblems } from "./settings/production";
import { localOrigin } from "./site-url";

const boolean = z.enum(["true", "false", "1", "0"]).transform((value) => value === "true" || value === "1");

/**
 * Every setting the app reads, validated once. Each has a default that runs locally with
 * no .env; in production the secrets and addresses below must be set, or start-up fails
 * with a message naming the variable (./settings/production.ts). `.env.example` documents each one.
 */
const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  SITE_URL: z
    .url({ protocol: /^https?$/, error: "must be an http(s) URL such as https://www.example.com" })
    .default(() => localOrigin()),
  DATABASE_URL: z
    .string()
    .regex(/^(file:|postgres(ql)?:\/\/)/i, { error: "must be a SQLite file: URL or a postgresql:// URL" })
    .default(DEFAULT_DATABASE_URL),
  /** SMTP server, e.g. smtp://user:pass@smtp.example.com:587; unset writes .eml files to MAIL_DIR. */
  SMTP_URL: z.url({ protocol: /^smtps?$/, error: "must be an smtp:// or smtps:// URL" }).optional(),
  MAIL_DIR: z.string().min(1).default(".data/mail"),
  /** "file" writes .eml files to MAIL_DIR even in production (on purpose, e.g. a staging copy). */
  MAIL_TRANSPORT: z.enum(["smtp", "file"]).optional(),
  MAIL_FROM: z.string().min(3).default("FS Dev website <website@localhost>"),
  /** Who receives new quote requests. */
  QUOTE_TO: z.email({ error: "must be an email address" }).default("owner@example.com"),
  SMTP_TIMEOUT_MS: z.coerce.number().int().min(1000).max(120_000).default(10_000),
  /** Secret for form tokens and the IP hash salt; at least 32 characters in production. */
  FORM_SECRET: z.string().min(32, { error: "must be at least 32 characters" }).default(DEV_SECRET),
  /** How many reverse proxies in front of the app append to X-Forwarded-For (0 = use the socket address only). */
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(5).default(0),
  RATE_LIMIT_MAX: z.coerce.number().int().min(1).max(1000).default(5),
  RATE_LIMIT_WINDOW_MINUTES: z.coerce.number().int().min(1).max(1440).default(10),
  /** Confirmations to prospects per hour, all addresses together (owner notices are never capped). */
  CONFIRMATIONS_PER_HOUR: z.coerce.number().int().min(1).max(10_000).default(20),
  /** A person takes longer than this to fill the form; faster submissions are flagged as spam. */
  MIN_SUBMIT_SECONDS: z.coerce.number().min(0).max(120).default(3),
  /** New leads one form token may make (a person sends one request, perhaps a second after going back). */
  FORM_TOKEN_MAX_LEADS: z.coerce.number().int().min(1).max(10_000).default(3),
  /** Oldest form token accepted. */
  FORM_TOKEN_MAX_AGE_HOURS: z.coerce
    .number()
    .min(1)
    .max(24 * 30)
    .default(24),
  /** How long a SQLite write waits for another writer before it fails. */
  DB_BUSY_TIMEOUT_MS: z.coerce.number().int().min(0).max(60_000).default(10_000),
  /** The desk's origin, when it differs from SITE_URL (e.g. http://localhost:3000 for passkeys in local tests). */
  DESK_URL: z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).optional(),
  /** The one person who may sign in to the desk (/desk); defaults to QUOTE_TO. */
  OWNER_EMAIL: z.email({ error: "must be an email address" }).optional(),
  /** Sign-in links mailed to the owner per SIGN_IN_LINK_WINDOW_MINUTES, from all addresses together. */
  SIGN_IN_LINK_MAX: z.coerce.number().int().min(1).max(100).default(3),
  SIGN_IN_LINK_WINDOW_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
  /** Replies sent from the desk per hour, all leads together (a stolen session cannot make it a spam sender). */
  REPLIES_PER_HOUR: z.coerce.number().int().min(1).max(1000).default(30),
  /** Requests flagged as spam are deleted this many days after they arrived. */
  SPAM_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  /** A quote request, its mail and its timeline are deleted this many months after its last activity. */
  LEAD_RETENTION_MONTHS: z.coerce.number().int().min(1).max(120).default(12),
  /** The stored text of a delivered email is blanked this many days after it was sent. */
  MAIL_BODY_RETENTION_DAYS: z.coerce.number().int().min(1).max(365).default(14),
  /** Bearer secret of GET/POST /api/outbox/drain for a platform cron; unset disables the endpoint. */
  CRON_SECRET: z.string().min(32, { error: "must be at least 32 characters" }).optional(),
  /** How long an outbox sender holds a message; a sender killed mid-send frees it after this. */
  OUTBOX_CLAIM_SECONDS: z.coerce.number().int().min(15).max(3600).default(120),
  /** The business's time zone (IANA name): every time the desk, the emails, the CLI and the CSV show is in it. */
  BUSINESS_TIME_ZONE: z
    .string()
    .refine(isTimeZone, { error: "must be an IANA time zone such as Africa/Johannesburg" })
    .default("Africa/Johannesburg"),
  /**
   * Folder for the daily backup (`fsdev-<time>.db` or `.dump`) and the erasure journal; unset: no scheduled
   * backup (`npm run db:backup` still works). Keep it off the database's disk and out of public/.
   */
  BACKUP_DIR: z.string().min(1).optional(),
  /** Daily backups kept (the newest N); an erased person is gone from every backup after this many days. */
  BACKUP_KEEP: z.coerce.number().int().min(1).max(365).default(7),
  /** Local time (BUSINESS_TIME_ZONE) after which the day's backup is made, HH:MM. */
  BACKUP_TIME: backupTimeValue.default("02:00"),
  /** Folder of pg_dump and pg_restore when they are not on PATH (PostgreSQL backups). */
  PG_BIN: z.string().min(1).optional(),
  /** The response clock's working weekdays: ranges or single days, comma-separated ("Mon-Fri", "Mon-Thu,Sat"). */
  BUSINESS_DAYS: businessDaysValue.default("Mon-Fri"),
  /** Opening hours on a working day, local time in BUSINESS_TIME_ZONE. */
  BUSINESS_HOURS: businessHoursValue.default("08:00-17:00"),
  /** Whose public holidays are closed days: a country code, optionally with a state ("ZA", "GB-ENG"), or "none". */
  PUBLIC_HOLIDAYS: publicHolidaysValue.default("ZA"),
  /** Days the owner declared closed (leave, a shutdown): dates and ranges, "2026-12-21..2027-01-04,2027-03-10". */
  CLOSED_DAYS: closedDaysValue.default(""),
  /** Business hours from a lead's arrival to the answer promised on the success screen and in the confirmation. */
  RESPONSE_TARGET_HOURS: z.coerce.number().int().min(1).max(400).default(8),
  /** Local time of the owner's daily digest, sent on working days (BUSINESS_DAYS, less holidays and closed days). */
  DIGEST_TIME: timeOfDayValue.default("07:30"),
  /** A lead In progress with no activity for this many days is listed as stale in the digest. */
  STALE_DAYS: z.coerce.number().int().min(1).max(365).default(7),
  /** Deliver mail right after each submission (off only in tests that drive delivery themselves). */
  MAIL_DELIVER_AFTER_SUBMIT: boolean.default(true),
  /**
   * Where each new lead (not spam) and each lead released from spam is POSTed, signed per Standard Webhooks
   * (lib/webhooks); unset sends none. The privacy notice names its host. https in production, except to this machine.
   */
  LEAD_WEBHOOK_URL: z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).optional(),
  /** The signing secret in the Standard Webhooks form (whsec_ and base64 of 24-64 random bytes); needs the URL. */
  LEAD_WEBHOOK_SECRET: webhookSecretValue.optional(),
  /** "standard": the lead as JSON ({type, timestamp, data}); "slack": Slack's webhook shape ({text, blocks}). */
  LEAD_WEBHOOK_FORMAT: z.enum(["standard", "slack"]).default("standard"),
  /** Whether the webhook carries the prospect's name, email, company, phone and message (off: privacy by default). */
  LEAD_WEBHOOK_CONTACT: boolean.default(false),
  /**
   * A scheduling link (Cal.com or similar) that the quote's success screen and the confirmation offer as a plain
   * link; `{reference}` in it is replaced by the request's reference, URL-encoded. Unset (the default) offers none.
   */
  BOOKING_URL: z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).optional(),
});

export type Env = z.infer<typeof schema>;

/**
 * The settings each instance may set for itself (behind a proxy, on PostgreSQL): where its database, mail and
 * backup folders and PostgreSQL tools are, its own mail relay and timeouts. Every other setting must be the same
 * on every instance sharing a database: FORM_SECRET signs tokens and sessions one instance makes and another
 * checks, SITE_URL and CRON_SECRET are one site's, the limits are counted together. Each instance records a keyed
 * digest of them at start (lib/ops/shared-settings.ts) and /api/health reports a mismatch.
 */
export const PER_INSTANCE_SETTINGS = [
  "NODE_ENV",
  "DATABASE_URL",
  "MAIL_DIR",
  "SMTP_URL",
  "SMTP_TIMEOUT_MS",
  "DB_BUSY_TIMEOUT_MS",
  "BACKUP_DIR",
  "PG_BIN",
  // Compared as what it means together with SMTP_URL: SMTP or files (sharedSettings).
  "MAIL_TRANSPORT",
] as const satisfies readonly (keyof Env)[];

/**
 * The settings every instance must share, by name (unset optional ones as null), plus how it sends mail: each
 * may use its own relay, but all send by SMTP, or all write files (any instance delivers any queued message).
 */
export function sharedSettings(settings: Env): Record<string, unknown> {
  const perInstance: readonly string[] = PER_INSTANCE_SETTINGS;
  const shared: Record<string, unknown> = {};
  for (const name of Object.keys(schema.shape).sort())
    if (!perInstance.includes(name)) shared[name] = settings[name as keyof Env] ?? null;
  shared.mailTransport = settings.MAIL_TRANSPORT === "file" || !settings.SMTP_URL ? "file" : "smtp";
  return shared;
}

export class ConfigError extends Error {
  override name = "ConfigError";
}

/** The variables that are set: an empty value counts as unset, so the default applies. */
function setValues(source: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(source).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== ""),
  );
}

/** One error naming every bad or missing variable, a line each. */
function configError(problems: string[]): ConfigError {
  return new ConfigError(`Invalid configuration:\n${problems.map((line) => `  - ${line}`).join("\n")}`);
}

/** Parses a set of variables; throws a ConfigError naming every bad or missing variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const cleaned = setValues(source);
  const problems: string[] = [];
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    for (const issue of result.error.issues) problems.push(`${issue.path.join(".")}: ${issue.message}`);
  }
  if (cleaned.NODE_ENV === "production") problems.push(...productionProblems(cleaned));
  problems.push(...webhookProblems(cleaned));
  if (problems.length > 0 || !result.success) {
    throw configError(problems);
  }
  return result.data;
}

/** Where lead alerts go and how they are shaped; null when LEAD_WEBHOOK_URL is unset. */
export function leadWebhookSettings(settings: Env): LeadWebhookSettings | null {
  if (!settings.LEAD_WEBHOOK_URL || !settings.LEAD_WEBHOOK_SECRET) return null;
  return {
    url: settings.LEAD_WEBHOOK_URL,
    secret: settings.LEAD_WEBHOOK_SECRET,
    format: settings.LEAD_WEBHOOK_FORMAT,
    contact: settings.LEAD_WEBHOOK_CONTACT,
  };
}

/** The desk's owner: OWNER_EMAIL, or QUOTE_TO when unset. */
export function ownerEmail(settings: Pick<Env, "OWNER_EMAIL" | "QUOTE_TO">): string {
  return settings.OWNER_EMAIL ?? settings.QUOTE_TO;
}

/** Where the desk is served: DESK_URL, or SITE_URL when unset. Sign-in links, cookies and passkeys use it. */
export function deskOrigin(settings: Pick<Env, "DESK_URL" | "SITE_URL">): string {
  return new URL(settings.DESK_URL ?? settings.SITE_URL).origin;
}

export type ClockSettings = Pick<
  Env,
  | "BUSINESS_TIME_ZONE"
  | "BUSINESS_DAYS"
  | "BUSINESS_HOURS"
  | "PUBLIC_HOLIDAYS"
  | "CLOSED_DAYS"
  | "RESPONSE_TARGET_HOURS"
>;

/** The response clock the settings describe (each value was validated by `parseEnv`). */
export function responseClock(settings: ClockSettings): ResponseClock {
  const hours = parseBusinessHours(settings.BUSINESS_HOURS)!;
  const closed = parseClosedDays(settings.CLOSED_DAYS);
  return {
    timeZone: settings.BUSINESS_TIME_ZONE,
    days: parseBusinessDays(settings.BUSINESS_DAYS)!,
    open: hours.open,
    close: hours.close,
    closed: typeof closed === "string" ? [] : closed,
    holidays: settings.PUBLIC_HOLIDAYS === "none" ? null : settings.PUBLIC_HOLIDAYS,
    targetHours: settings.RESPONSE_TARGET_HOURS,
  };
}

export type RetentionSettings = Pick<
  Env,
  "SPAM_RETENTION_DAYS" | "LEAD_RETENTION_MONTHS" | "MAIL_BODY_RETENTION_DAYS" | "RATE_LIMIT_WINDOW_MINUTES"
>;

/**
 * What the privacy notice states: the retention periods (backups included), how long the form's token cookie
 * lasts, and where lead alerts go (the webhook receiver, and whether contact details go with them).
 */
export type NoticeSettings = RetentionSettings &
  Pick<Env, "FORM_TOKEN_MAX_AGE_HOURS" | "BACKUP_KEEP" | "LEAD_WEBHOOK_URL" | "LEAD_WEBHOOK_CONTACT">;

/**
 * The notice's settings alone (retention, the webhook receiver), for the privacy notice: it is built before the
 * server's secrets exist, so the production-only checks of `parseEnv` do not apply. The server enforces the same
 * values (`env()`).
 */
export function retentionSettings(source: Record<string, string | undefined> = process.env): NoticeSettings {
  const cleaned = setValues(source);
  const result = schema
    .pick({
      SPAM_RETENTION_DAYS: true,
      LEAD_RETENTION_MONTHS: true,
      MAIL_BODY_RETENTION_DAYS: true,
      RATE_LIMIT_WINDOW_MINUTES: true,
      FORM_TOKEN_MAX_AGE_HOURS: true,
      BACKUP_KEEP: true,
      LEAD_WEBHOOK_URL: true,
      LEAD_WEBHOOK_CONTACT: true,
    })
    .safeParse(cleaned);
  if (!result.success)
    throw configError(result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`));
  return result.data;
}

let cached: Env | undefined;

/** The validated settings of this process. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
