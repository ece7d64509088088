/**
 * Retention, as the privacy notice states it (the notice reads the same settings). Runs daily in the
 * server's scheduler and on demand (`npm run leads -- purge`); the IP hash is also cleared every minute.
 */
import fs from "node:fs/promises";
import path from "node:path";
import type { Db } from "@/lib/db/client";
import { OUTBOX_STATUS } from "@/lib/mail/outbox-status";
import type { RetentionSettings } from "@/lib/server/env";
import { plural } from "@/lib/text/plural";

export type { RetentionSettings };

export type PurgeOptions = {
  db: Db;
  settings: RetentionSettings;
  /** The file transport's folder: .eml copies older than the lead retention are removed too. */
  mailDir?: string;
  actor?: string;
  now?: () => Date;
};

export type PurgeResult = {
  spam: number;
  leads: number;
  messages: number;
  bodiesBlanked: number;
  ipHashesCleared: number;
  expiredSignIns: number;
  /** Privacy requests removed: unconfirmed ones past their link, and any past the lead retention. */
  privacyRequests: number;
  files: number;
  events: number;
};

/** A sign-in link is dead after minutes; its stored text goes within the hour, whatever became of it. */
const SIGN_IN_BODY_MS = 60 * 60_000;
const DAY = 86_400_000;

/** `now` minus whole calendar months (the 31st falls back to the month's last day). */
export function monthsBefore(now: Date, months: number): Date {
  const date = new Date(now);
  const day = date.getUTCDate();
  date.setUTCDate(1);
  date.setUTCMonth(date.getUTCMonth() - months);
  const last = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
  date.setUTCDate(Math.min(day, last));
  return date;
}

/** The cut-off dates for `now`: anything older is removed (or blanked). */
export function retentionCutoffs(settings: RetentionSettings, now: Date) {
  return {
    spam: new Date(now.getTime() - settings.SPAM_RETENTION_DAYS * DAY),
    lead: monthsBefore(now, settings.LEAD_RETENTION_MONTHS),
    body: new Date(now.getTime() - settings.MAIL_BODY_RETENTION_DAYS * DAY),
    ipHash: new Date(now.getTime() - settings.RATE_LIMIT_WINDOW_MINUTES * 60_000),
    signInBody: new Date(now.getTime() - SIGN_IN_BODY_MS),
  };
}

/**
 * What must not outlive minutes, run every minute: the IP hash (it only serves the rate limit, so it goes
 * once its window has passed), expired sign-in tokens (a stranger's typed address may be in one), and privacy
 * requests whose confirmation link expired unused (lib/privacy: a stranger may have typed the address).
 */
export async function clearShortLived(db: Db, settings: RetentionSettings, now: Date = new Date()) {
  const { ipHash } = retentionCutoffs(settings, now);
  const [hashes, privacyHashes, tokens, unconfirmed] = await db.$transaction([
    db.quoteRequest.updateMany({ where: { ipHash: { not: null }, createdAt: { lt: ipHash } }, data: { ipHash: null } }),
    db.privacyRequest.updateMany({
      where: { ipHash: { not: null }, createdAt: { lt: ipHash } },
      data: { ipHash: null },
    }),
    db.verification.deleteMany({ where: { expiresAt: { lt: now } } }),
    db.privacyRequest.deleteMany({ where: { status: "unconfirmed", confirmBy: { lt: now } } }),
  ]);
  return {
    ipHashes: hashes.count + privacyHashes.count,
    signInTokens: tokens.count,
    unconfirmedPrivacyRequests: unconfirmed.count,
  };
}

async function deleteLeads(db: Db, where: object): Promise<{ leads: number; messages: number }> {
  const ids = (await db.quoteRequest.findMany({ where, select: { id: true } })).map((row) => row.id);
  if (ids.length === 0) return { leads: 0, messages: 0 };
  const [messages, , leads] = await db.$transaction([
    db.outboxMessage.deleteMany({ where: { quoteRequestId: { in: ids } } }),
    db.leadEvent.deleteMany({ where: { quoteRequestId: { in: ids } } }),
    db.quoteRequest.deleteMany({ where: { id: { in: ids } } }),
  ]);
  return { leads: leads.count, messages: messages.count };
}

async function removeOldFiles(mailDir: string | undefined, before: Date): Promise<number> {
  if (!mailDir) return 0;
  const dir = path.resolve(mailDir);
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return 0;
    throw error;
  }
  let removed = 0;
  for (const name of names.filter((entry) => entry.endsWith(".eml"))) {
    const file = path.join(dir, name);
    if ((await fs.stat(file)).mtime < before) {
      await fs.rm(file, { force: true });
      removed += 1;
    }
  }
  return removed;
}

/** Applies every retention rule once; returns what it removed. */
export async function purge(opts: PurgeOptions): Promise<PurgeResult> {
  const { db, settings } = opts;
  const now = (opts.now ?? (() => new Date()))();
  const cut = retentionCutoffs(settings, now);

  const spam = await deleteLeads(db, { status: "spam", createdAt: { lt: cut.spam } });
  const leads = await deleteLeads(db, { activityAt: { lt: cut.lead } });
  // Rows whose request is gone (deleted outside the app, with foreign keys off) and old sign-in links.
  const strays = await db.outboxMessage.deleteMany({
    where: {
      OR: [
        { quoteRequestId: { not: null }, quoteRequest: { is: null } },
        { quoteRequestId: null, createdAt: { lt: cut.body } },
      ],
    },
  });
  const blanked = await db.outboxMessage.updateMany({
    where: {
      OR: [
        { status: OUTBOX_STATUS.sent, sentAt: { lt: cut.body } },
        { kind: "sign_in_link", createdAt: { lt: cut.signInBody } },
      ],
      NOT: { textBody: "", htmlBody: "" },
    },
    data: { textBody: "", htmlBody: "" },
  });
  const shortLived = await clearShortLived(db, settings, now);
  const sessions = await db.session.deleteMany({ where: { expiresAt: { lt: now } } });
  const events = await db.leadEvent.deleteMany({ where: { quoteRequestId: null, createdAt: { lt: cut.lead } } });
  // Confirmed privacy requests are kept as long as a lead, counted from when they arrived.
  const privacy = await db.privacyRequest.deleteMany({ where: { createdAt: { lt: cut.lead } } });
  const files = await removeOldFiles(opts.mailDir, cut.lead);

  const result: PurgeResult = {
    spam: spam.leads,
    leads: leads.leads,
    messages: spam.messages + leads.messages + strays.count,
    bodiesBlanked: blanked.count,
    ipHashesCleared: shortLived.ipHashes,
    expiredSignIns: shortLived.signInTokens + sessions.count,
    privacyRequests: shortLived.unconfirmedPrivacyRequests + privacy.count,
    files,
    events: events.count,
  };
  if (result.spam + result.leads > 0) {
    await db.leadEvent.create({
      data: {
        actor: opts.actor ?? "system",
        action: "purge",
        detail:
          `retention: ${result.spam} spam and ${plural(result.leads, "lead", "leads")} deleted, ` +
          plural(result.messages, "email", "emails"),
        createdAt: now,
      },
    });
  }
  return result;
}
