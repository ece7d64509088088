/**
 * The quote pipeline: validate, check the form token, judge spam, then store the request and its outbox rows in
 * one write (./store-quote.ts). The visitor hears "received" only after that write commits.
 */
import { z } from "zod";
import type { MailContext } from "@/lib/mail/render";
import type { Db } from "@/lib/db/client";
import type { ClockSettings, Env } from "@/lib/server/env";
import { log as serverLog } from "@/lib/server/log";
import type { LeadWebhookSettings } from "@/lib/webhooks/payload";
import { quoteChoices, type QuoteChoices } from "./catalog";
import { hashIp } from "./client-ip";
import { HONEYPOT_FIELD } from "./fields";
import { checkPostedToken } from "./form-guard";
import { echoValues, type RawSubmission } from "./posted-quote";
import { QUOTE_FIELDS, quoteSchema, type FieldErrors, type QuoteValues } from "./schema";
import { judge } from "./spam";
import { findSubmission, storeQuote } from "./store-quote";
import { formTokenHashOf, submissionKeyOf, valuesDigest } from "./submission-keys";

export type { RawSubmission };

export type RequestMeta = {
  ip: string | null;
  userAgent: string | null;
  /** Posted by a form from an older build of the site (lib/server/outdated-action.ts). */
  outdatedForm?: boolean;
};

export type SubmitResult =
  | {
      status: "ok";
      id: number;
      reference: string;
      outboxIds: number[];
      duplicate: boolean;
      spam: boolean;
      /** The response promise for this request (its due time), as the confirmation states it. */
      promise: string;
    }
  | { status: "invalid"; fieldErrors: FieldErrors; values: QuoteValues }
  | { status: "rate_limited"; values: QuoteValues }
  /** Asked to send again: `resendToken` replaces the missing, expired or outdated token, bound to these values. */
  | { status: "expired" | "unconfirmed" | "outdated"; values: QuoteValues; resendToken: string }
  | { status: "unavailable"; values: QuoteValues };

export type SubmitDeps = {
  db: Db;
  env: Pick<
    Env,
    | "FORM_SECRET"
    | "FORM_TOKEN_MAX_AGE_HOURS"
    | "FORM_TOKEN_MAX_LEADS"
    | "MIN_SUBMIT_SECONDS"
    | "RATE_LIMIT_MAX"
    | "RATE_LIMIT_WINDOW_MINUTES"
    | "QUOTE_TO"
    | "CONFIRMATIONS_PER_HOUR"
  > &
    ClockSettings;
  /** What the emails say about the site (its name, SITE_URL, the owner's name). */
  mail: MailContext;
  /** The owner's webhook (LEAD_WEBHOOK_URL): each lead that is not spam queues an alert; absent or null, none. */
  webhook?: LeadWebhookSettings | null;
  now?: () => Date;
  choices?: QuoteChoices;
  log?: (line: string, error?: unknown) => void;
};

/**
 * The lead pipeline: validate, judge spam, apply the rate limit, then store the request and
 * its outbox rows in one write. The visitor hears "received" only after that write commits.
 */
export async function submitQuote(raw: RawSubmission, meta: RequestMeta, deps: SubmitDeps): Promise<SubmitResult> {
  const now = deps.now ?? (() => new Date());
  const log =
    deps.log ?? ((line, error) => (error === undefined ? serverLog.error(line) : serverLog.error(line, error)));
  const choices = deps.choices ?? quoteChoices();
  const values = echoValues(raw);

  const parsed = quoteSchema(choices).safeParse(Object.fromEntries(QUOTE_FIELDS.map((key) => [key, raw[key]])));
  if (!parsed.success) return { status: "invalid", fieldErrors: z.flattenError(parsed.error).fieldErrors, values };
  const input = parsed.data;
  const digest = valuesDigest(input, deps.env.FORM_SECRET);
  // A genuine form that is too old (or from a clock ahead of ours) is not spam, nor one without a token: ask to
  // send it again (the action returns the replacement in the form too).
  const posted = checkPostedToken(raw.formToken, digest, deps.env, now);
  if (posted.ask) return { status: posted.ask, values, resendToken: posted.resendToken() };
  const { token, minSeconds } = posted;
  // A form from an older build of the site: nothing is stored until the visitor sends it again as asked, with the
  // token bound to these values (a page of this build, or the older page's script, which posts the same way).
  if (meta.outdatedForm && !posted.sentAgain) return { status: "outdated", values, resendToken: posted.resendToken() };
  const submissionKey = token.ok ? submissionKeyOf(raw.formToken!, input) : null;
  const formTokenHash = token.ok ? formTokenHashOf(raw.formToken!, deps.env.FORM_SECRET) : null;
  const ipHash = hashIp(meta.ip, deps.env.FORM_SECRET);
  const since = new Date(now().getTime() - deps.env.RATE_LIMIT_WINDOW_MINUTES * 60_000);

  try {
    if (submissionKey) {
      const first = await findSubmission(deps, submissionKey);
      if (first) return first;
    }
    const verdict = judge({
      honeypot: raw[HONEYPOT_FIELD],
      token,
      minSeconds,
      name: input.name,
      text: [input.name, input.company ?? "", input.description].join("\n"),
    });
    const facts = { raw, log, meta, ipHash, since, submissionKey, formTokenHash, verdict, choices, now: now(), deps };
    return await storeQuote(input, facts);
  } catch (error) {
    log("quote: could not store a request (the visitor was asked to try again)", error);
    return { status: "unavailable", values };
  }
}
