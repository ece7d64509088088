/**
 * The pipeline's last step (./submit.ts): stores a judged request and its outbox rows in one write, under the
 * rate limit, the form token's lead limit and the confirmation cap; a request posted twice is answered with the
 * first one's result.
 */
import { Prisma } from "@/lib/generated/prisma/client";
import { lockKeys } from "@/lib/db/client";
import { emailKey, searchTextOf } from "@/lib/leads/keys";
import { outboxRows } from "@/lib/mail/outbox";
import { responseClock } from "@/lib/server/env";
import { leadWebhookRow } from "@/lib/webhooks/rows";
import { labelOf, quoteCopy, type QuoteChoices } from "./catalog";
import { confirmationVerdict, mailboxKey, type ConfirmationVerdict } from "./confirmation-cap";
import { cleanSourcePath, UTM_KEYS, utmColumn } from "./fields";
import { cleanUtm, echoValues, type RawSubmission } from "./posted-quote";
import { newReference } from "./reference";
import { responsePromise } from "./response-promise";
import type { QuoteInput } from "./schema";
import type { judge } from "./spam";
import type { RequestMeta, SubmitDeps, SubmitResult } from "./submit";

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

export async function findSubmission(deps: SubmitDeps, submissionKey: string): Promise<SubmitResult | null> {
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

export type StoreContext = {
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

export async function storeQuote(input: QuoteInput, ctx: StoreContext): Promise<SubmitResult> {
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
