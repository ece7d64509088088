/**
 * The privacy request pipeline, with the quote form's protections: a signed form token (its minimum fill time and
 * expiry), a honeypot, the per-IP limit, and a limit per named address. A request that passes is stored
 * unconfirmed with its confirmation email in one write; it reaches the desk only once that link is used
 * (./confirm.ts). What a bot or an address over its limit gets is the same "check your inbox" as everyone.
 */
import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { lockKeys, type Db } from "@/lib/db/client";
import { emailKey } from "@/lib/leads/keys";
import type { OutboxRow } from "@/lib/mail/outbox";
import type { MailContext } from "@/lib/mail/render";
import { hashIp } from "@/lib/quotes/client-ip";
import { checkPostedToken } from "@/lib/quotes/form-guard";
import type { Env } from "@/lib/server/env";
import { log as serverLog } from "@/lib/server/log";
import {
  PRIVACY_CONFIRM_HOURS,
  PRIVACY_FIELDS,
  PRIVACY_HONEYPOT_FIELD,
  PRIVACY_LIMITS,
  PRIVACY_REQUESTS_PER_ADDRESS_PER_DAY,
  privacySchema,
  type PrivacyFieldErrors,
  type PrivacyValues,
} from "./fields";
import { renderPrivacyConfirmation } from "./mail";

export type RawPrivacyPost = PrivacyValues & { formToken?: string; [PRIVACY_HONEYPOT_FIELD]?: string };

export type PrivacySubmitResult =
  /** `stored` is for the server's log and the tests only: the visitor is told the same either way. */
  | { status: "sent"; stored: boolean; outboxIds: number[] }
  | { status: "invalid"; fieldErrors: PrivacyFieldErrors; values: PrivacyValues }
  | { status: "rate_limited" | "unavailable"; values: PrivacyValues }
  | { status: "expired" | "unconfirmed"; values: PrivacyValues; resendToken: string };

export type PrivacyDeps = {
  db: Db;
  env: Pick<
    Env,
    "FORM_SECRET" | "FORM_TOKEN_MAX_AGE_HOURS" | "MIN_SUBMIT_SECONDS" | "RATE_LIMIT_MAX" | "RATE_LIMIT_WINDOW_MINUTES"
  >;
  mail: MailContext;
  now?: () => Date;
  log?: (line: string, error?: unknown) => void;
};

const DAY_MS = 86_400_000;

/** Only the form's fields, first value only, strings only, capped. */
export function privacyFromFormData(form: FormData): RawPrivacyPost {
  const raw: RawPrivacyPost = {};
  for (const key of [...PRIVACY_FIELDS, "formToken", PRIVACY_HONEYPOT_FIELD] as const) {
    const value = form.get(key);
    if (typeof value === "string") raw[key] = value.slice(0, PRIVACY_LIMITS.details.max + 100);
  }
  return raw;
}

export function echoPrivacyValues(raw: RawPrivacyPost): PrivacyValues {
  const values: PrivacyValues = {};
  for (const key of PRIVACY_FIELDS) if (raw[key] !== undefined) values[key] = raw[key];
  return values;
}

/** The stored form of a confirmation token: its SHA-256 (the token itself is only in the email). */
export function confirmTokenHash(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

function valuesDigest(values: PrivacyValues, secret: string): string {
  return createHash("sha256")
    .update(`privacy:${secret}:${JSON.stringify(PRIVACY_FIELDS.map((key) => values[key] ?? ""))}`)
    .digest("base64url")
    .slice(0, 22);
}

export async function submitPrivacyRequest(
  raw: RawPrivacyPost,
  meta: { ip: string | null },
  deps: PrivacyDeps,
): Promise<PrivacySubmitResult> {
  const now = (deps.now ?? (() => new Date()))();
  const values = echoPrivacyValues(raw);
  const parsed = privacySchema.safeParse(Object.fromEntries(PRIVACY_FIELDS.map((key) => [key, raw[key]])));
  if (!parsed.success) return { status: "invalid", fieldErrors: z.flattenError(parsed.error).fieldErrors, values };
  const input = parsed.data;
  const digest = valuesDigest(values, deps.env.FORM_SECRET);
  const posted = checkPostedToken(raw.formToken, digest, deps.env, () => now);
  if (posted.ask) return { status: posted.ask, values, resendToken: posted.resendToken() };
  const { token, minSeconds } = posted;
  const bot = !token.ok || token.ageSeconds < minSeconds || Boolean(raw[PRIVACY_HONEYPOT_FIELD]);
  if (bot) return { status: "sent", stored: false, outboxIds: [] };

  const key = emailKey(input.email);
  const ipHash = hashIp(meta.ip, deps.env.FORM_SECRET);
  const confirmToken = randomBytes(32).toString("base64url");
  const mail = renderPrivacyConfirmation(input.kind, confirmToken, deps.mail);
  const row: OutboxRow = {
    kind: "privacy_confirmation",
    recipient: input.email,
    replyTo: null,
    subject: mail.subject,
    textBody: mail.text,
    htmlBody: mail.html,
  };
  try {
    return await deps.db.$transaction(
      async (tx) => {
        await lockKeys(deps.db, tx, [`privacy-ip:${ipHash}`, `privacy-email:${key}`]);
        const since = new Date(now.getTime() - deps.env.RATE_LIMIT_WINDOW_MINUTES * 60_000);
        const fromIp = await tx.privacyRequest.count({ where: { ipHash, createdAt: { gte: since } } });
        if (fromIp >= deps.env.RATE_LIMIT_MAX) return { status: "rate_limited" as const, values };
        const forAddress = await tx.privacyRequest.count({
          where: { emailKey: key, createdAt: { gte: new Date(now.getTime() - DAY_MS) } },
        });
        if (forAddress >= PRIVACY_REQUESTS_PER_ADDRESS_PER_DAY)
          return { status: "sent" as const, stored: false, outboxIds: [] };
        await tx.privacyRequest.create({
          data: {
            kind: input.kind,
            email: input.email,
            emailKey: key,
            details: input.details,
            confirmTokenHash: confirmTokenHash(confirmToken),
            confirmBy: new Date(now.getTime() + PRIVACY_CONFIRM_HOURS * 3_600_000),
            ipHash,
            createdAt: now,
          },
        });
        const outbox = await tx.outboxMessage.create({ data: { ...row, createdAt: now }, select: { id: true } });
        return { status: "sent" as const, stored: true, outboxIds: [outbox.id] };
      },
      { maxWait: 20_000, timeout: 30_000 },
    );
  } catch (error) {
    (deps.log ?? ((line: string, e: unknown) => serverLog.error(line, e)))(
      "privacy: could not store a request (the visitor was asked to try again)",
      error,
    );
    return { status: "unavailable", values };
  }
}
