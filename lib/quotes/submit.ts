import { z } from "zod";
import { Prisma } from "@/lib/generated/prisma/client";
import { outboxRows } from "@/lib/mail/outbox";
import type { MailContext } from "@/lib/mail/render";
import { lockKeys, type Db } from "@/lib/db/client";
import { responseClock, type ClockSettings, type Env } from "@/lib/server/env";
import { emailKey, searchTextOf } from "@/lib/leads/keys";
import { labelOf, quoteChoices, quoteCopy, type QuoteChoices } from "./catalog";
import { hashIp } from "./client-ip";
import { confirmationVerdict, mailboxKey, type ConfirmationVerdict } from "./confirmation-cap";
import {
  cleanSourcePath,
  HONEYPOT_FIELD,
  META_FIELDS,
  UTM_KEYS,
  utmColumn,
  type UtmColumn,
  type UtmKey,
} from "./fields";
import { checkPostedToken } from "./form-guard";
import { newReference } from "./reference";
import { responsePromise } from "./response-promise";
import { formTokenHashOf, submissionKeyOf, valuesDigest } from "./submission-keys";
import { LIMITS, QUOTE_FIELDS, quoteSchema, type QuoteInput, type QuoteValues, type FieldErrors } from "./schema";
import { judge } from "./spam";
import { log as serverLog } from "@/lib/server/log";
import type { LeadWebhookSettings } from "@/lib/webhooks/payload";
import { leadWebhookRow } from "@/lib/webhooks/rows";

export type RawSubmission = Partial<Record<(typeof QUOTE_FIELDS)[number] | (typeof META_FIELDS)[number], string>>;
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

const MAX_FIELD_LENGTH = 20_000;

/**
 * Turns posted form data into a plain object: only known fields, first value only, strings only.
 * Unknown, repeated and file fields are dropped here, so nothing else can reach the pipeline.
 */
export function fromFormData(form: FormData): RawSubmission {
  const raw: RawSubmission = {};
  for (const key of [...QUOTE_FIELDS, ...META_FIELDS]) {
    const value = form.get(key);
    if (typeof value === "string")
      raw[key] = value.length > MAX_FIELD_LENGTH ? value.slice(0, MAX_FIELD_LENGTH + 1) : value;
  }
  return raw;
}

/** The visitor's own values, echoed back on any rejection (capped, so a huge post is not sent back whole). */
export function echoValues(raw: RawSubmission): QuoteValues {
  const values: QuoteValues = {};
  for (const key of QUOTE_FIELDS)
    if (raw[key] !== undefined) values[key] = raw[key]!.slice(0, LIMITS.description.max + 100);
  return values;
}

/** Each UTM tag under its column name (utm_source -> utmSource), or null when absent or unusual. */
function cleanUtm(raw: RawSubmission) {
  const value = (key: UtmKey) => {
    const v = raw[key]?.trim();
    return v && /^[\w\-.+ %]{1,100}$/.test(v) ? v : null;
  };
  return Object.fromEntries(UTM_KEYS.map((key) => [utmColumn(key), value(key)])) as {
    [K in UtmKey as UtmColumn<K>]: string | null;
  };
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

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
    return await store(input, facts);
  } catch (error) {
    log("quote: could not store a request (the visitor was asked to try again)", error);
    return { status: "unavailable", values };
  }
}

async function findSubmission(deps: SubmitDeps, submissionKey: string): Promise<SubmitResult | null> {
  const first = await deps.db.quoteRequest.findUnique({
    where: { submissionKey },
    select: { id: true, reference: true, status: true, createdAt: true },
  });
  return first
    ? {
        status: "ok",
        id: first.id,
        reference: first.reference,
        outboxIds: [],
        duplicate: true,
        spam: first.status === "spam",
        promise: responsePromise(first.createdAt, responseClock(deps.env)),
      }
    : null;
}

type StoreContext = {
  raw: RawSubmission;
  log: (line: string) => void;
  meta: RequestMeta;
  ipHash: string;
  since: Date;
  submissionKey: string | null;
  formTokenHash: string | null;
  verdict: ReturnType<typeof judge>;
  choices: QuoteChoices;
  now: Date;
  deps: SubmitDeps;
};

async function store(input: QuoteInput, ctx: StoreContext): Promise<SubmitResult> {
  const { deps, verdict, choices } = ctx;
  const interestLabel = labelOf(choices.interests, input.interest);
  const budget = labelOf(choices.budgets, input.budget);
  const timeline = labelOf(choices.timelines, input.timeline);
  const referrerPath = cleanSourcePath(ctx.raw.referrerPath);
  const utm = cleanUtm(ctx.raw);
  const promise = responsePromise(ctx.now, responseClock(deps.env));

  for (let attempt = 0; attempt < 3; attempt++) {
    const reference = newReference(ctx.now);
    const mail = {
      reference,
      name: input.name,
      email: input.email,
      company: input.company,
      phone: input.phone,
      interestLabel,
      budget,
      timeline,
      description: input.description,
      referrerPath,
      // Keyed by the tags' own names (utm_source), as a stored lead gives them to the templates (lib/leads/mail.ts).
      utm: Object.fromEntries(
        UTM_KEYS.map((key) => [key, utm[utmColumn(key)]]).filter(
          (entry): entry is [string, string] => entry[1] !== null,
        ),
      ),
      createdAt: ctx.now,
      consentVersion: quoteCopy.consentVersion,
      promise,
    };
    // Rendered before the transaction, which holds its locks only for the counts and the insert. Spam is kept
    // for review but never mailed nor alerted: it has no outbox rows.
    const alert = deps.webhook
      ? [leadWebhookRow(mail, "lead.received", { settings: deps.webhook, ctx: deps.mail, at: ctx.now })]
      : [];
    const rendered = verdict.spam
      ? []
      : [...outboxRows(mail, { ownerTo: deps.env.QUOTE_TO, ctx: deps.mail }), ...alert];
    try {
      // The per-address count, the confirmation count and the insert (request and outbox rows) in one
      // transaction that posts from the same address or to the same email address take one at a time, on
      // every instance sharing the database: racing posts cannot all pass the limit.
      const stored = await deps.db.$transaction(
        async (tx) => {
          const tokenKey = ctx.formTokenHash ? [`quote-token:${ctx.formTokenHash}`] : [];
          await lockKeys(deps.db, tx, [
            `quote-ip:${ctx.ipHash}`,
            `quote-email:${mailboxKey(input.email)}`,
            ...tokenKey,
          ]);
          if (
            (await tx.quoteRequest.count({ where: { ipHash: ctx.ipHash, createdAt: { gte: ctx.since } } })) >=
            deps.env.RATE_LIMIT_MAX
          )
            return null;
          // One form token, a few leads at most: a token is no ticket for a stream of requests from anywhere.
          if (
            ctx.formTokenHash &&
            (await tx.quoteRequest.count({ where: { formTokenHash: ctx.formTokenHash } })) >=
              deps.env.FORM_TOKEN_MAX_LEADS
          )
            return null;
          // The owner hears of every request; the prospect's confirmation is capped (confirmation-cap.ts).
          const confirm: ConfirmationVerdict | { send: false; reason: "spam" } = verdict.spam
            ? { send: false, reason: "spam" }
            : await confirmationVerdict(tx, input.email, ctx.now, deps.env.CONFIRMATIONS_PER_HOUR);
          const rows = rendered.filter((row) => row.kind !== "prospect_confirmation" || confirm.send);
          const created = await tx.quoteRequest.create({
            data: {
              reference,
              status: verdict.spam ? "spam" : "new",
              name: input.name,
              email: input.email,
              emailKey: emailKey(input.email),
              searchText: searchTextOf({
                reference,
                name: input.name,
                email: input.email,
                company: input.company,
                description: input.description,
              }),
              company: input.company,
              phone: input.phone,
              interest: input.interest,
              interestLabel,
              budget,
              timeline,
              description: input.description,
              consentAt: ctx.now,
              consentVersion: quoteCopy.consentVersion,
              referrerPath,
              ...utm,
              ipHash: ctx.ipHash,
              userAgent: ctx.meta.userAgent?.slice(0, 400) ?? null,
              spamScore: verdict.score,
              spamReason: verdict.reasons.length > 0 ? verdict.reasons.join(", ") : null,
              submissionKey: ctx.submissionKey,
              formTokenHash: ctx.formTokenHash,
              createdAt: ctx.now,
              outbox: { create: rows },
            },
            select: { id: true, reference: true, outbox: { select: { id: true } } },
          });
          return { created, confirm };
        },
        { maxWait: 20_000, timeout: 30_000 },
      );
      if (!stored) return { status: "rate_limited", values: echoValues(ctx.raw) };
      const { created, confirm } = stored;
      if (!confirm.send && confirm.reason === "hourly-cap")
        ctx.log(`quote: ${created.reference} gets no confirmation: the hourly cap on confirmations is reached`);
      return {
        status: "ok",
        id: created.id,
        reference: created.reference,
        outboxIds: created.outbox.map((row) => row.id),
        duplicate: false,
        spam: verdict.spam,
        promise,
      };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      // Either the same form was posted twice at once (return the first) or the reference collided (draw again).
      if (ctx.submissionKey) {
        const first = await findSubmission(deps, ctx.submissionKey);
        if (first) return first;
      }
    }
  }
  throw new Error("could not draw a unique reference in 3 attempts");
}
