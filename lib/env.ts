import { z } from "zod";
import { DEFAULT_DATABASE_URL, DEFAULT_SITE_URL } from "./defaults.mjs";

/**
 * Every setting the app reads, validated once. Each has a default that runs locally with
 * no .env; in production the secrets and addresses below must be set, or start-up fails
 * with a message naming the variable. `.env.example` documents each one.
 */
const DEV_SECRET = "dev-only-secret-do-not-use-in-production-0123456789";

const boolean = z.enum(["true", "false", "1", "0"]).transform((value) => value === "true" || value === "1");

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  SITE_URL: z
    .url({ protocol: /^https?$/, error: "must be an http(s) URL such as https://www.example.com" })
    .default(DEFAULT_SITE_URL),
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
  QUOTE_TO: z.email({ error: "must be an email address" }).default("owner@localhost"),
  SMTP_TIMEOUT_MS: z.coerce.number().int().min(1000).max(120_000).default(10_000),
  /** Secret for form tokens and the IP hash salt; at least 32 characters in production. */
  FORM_SECRET: z.string().min(32, { error: "must be at least 32 characters" }).default(DEV_SECRET),
  /** How many reverse proxies in front of the app append to X-Forwarded-For (0 = use the socket address only). */
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(5).default(0),
  RATE_LIMIT_MAX: z.coerce.number().int().min(1).max(1000).default(5),
  RATE_LIMIT_WINDOW_MINUTES: z.coerce.number().int().min(1).max(1440).default(10),
  /** A person takes longer than this to fill the form; faster submissions are flagged as spam. */
  MIN_SUBMIT_SECONDS: z.coerce.number().min(0).max(120).default(3),
  /** Oldest form token accepted. */
  FORM_TOKEN_MAX_AGE_HOURS: z.coerce
    .number()
    .min(1)
    .max(24 * 30)
    .default(24),
  /** How long a SQLite write waits for another writer before it fails. */
  DB_BUSY_TIMEOUT_MS: z.coerce.number().int().min(0).max(60_000).default(10_000),
  /** Bearer secret of GET/POST /api/outbox/drain for a platform cron; unset disables the endpoint. */
  CRON_SECRET: z.string().min(32, { error: "must be at least 32 characters" }).optional(),
  /** How long an outbox sender holds a message; a sender killed mid-send frees it after this. */
  OUTBOX_CLAIM_SECONDS: z.coerce.number().int().min(15).max(3600).default(120),
  /** Deliver mail right after each submission (off only in tests that drive delivery themselves). */
  MAIL_DELIVER_AFTER_SUBMIT: boolean.default(true),
});

export type Env = z.infer<typeof schema>;

const REQUIRED_IN_PRODUCTION = ["SITE_URL", "FORM_SECRET", "QUOTE_TO", "MAIL_FROM"] as const;

export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Parses a set of variables; throws a ConfigError naming every bad or missing variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined && value !== ""));
  const problems: string[] = [];
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    for (const issue of result.error.issues) problems.push(`${issue.path.join(".")}: ${issue.message}`);
  }
  if (cleaned.NODE_ENV === "production") {
    for (const name of REQUIRED_IN_PRODUCTION) {
      if (!cleaned[name]) problems.push(`${name}: is required in production`);
    }
    // Without SMTP the owner would never hear of a lead, unless files are wanted on purpose.
    if (!cleaned.SMTP_URL && cleaned.MAIL_TRANSPORT !== "file") {
      problems.push(
        "SMTP_URL: is required in production (or set MAIL_TRANSPORT=file to write .eml files to MAIL_DIR on purpose)",
      );
    }
    if (cleaned.FORM_SECRET === DEV_SECRET) problems.push("FORM_SECRET: must not be the development default");
  }
  if (problems.length > 0 || !result.success) {
    throw new ConfigError(`Invalid configuration:\n${problems.map((line) => `  - ${line}`).join("\n")}`);
  }
  return result.data;
}

let cached: Env | undefined;

/** The validated settings of this process. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
