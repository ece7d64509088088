/**
 * The leads waiting for a first answer and the ones past their due time: the desk's navigation count, the
 * reminders and the digest read them here. A lead waits while it is New and no answer was recorded.
 */
import type { Db } from "@/lib/db/client";
import { dueAt, type ResponseClock } from "./response-clock";

/** What waiting means, as a Prisma filter: New, and no first response recorded. */
export const WAITING_FOR_ANSWER = { status: "new", firstResponseAt: null } as const;

export type OverdueLead = { id: number; reference: string; createdAt: Date; dueAt: Date; interestLabel: string };

/**
 * New leads with no answer whose due time has come, earliest due first. The owner's New leads are his queue
 * (tens, not thousands), so each due time is computed here rather than stored: a changed setting applies at once.
 */
export async function overdueLeads(
  db: Db,
  clock: ResponseClock,
  now: Date,
  opts: { since?: Date } = {},
): Promise<OverdueLead[]> {
  const waiting = await db.quoteRequest.findMany({
    where: { ...WAITING_FOR_ANSWER, createdAt: { lte: now, ...(opts.since ? { gte: opts.since } : {}) } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, reference: true, createdAt: true, interestLabel: true },
  });
  return waiting
    .map((lead) => ({ ...lead, dueAt: dueAt(lead.createdAt, clock) }))
    .filter((lead) => lead.dueAt.getTime() <= now.getTime());
}

/**
 * How many New leads are past their due time with no answer (the desk's navigation shows it, on every page).
 * A later arrival is never due earlier, so the overdue are a prefix of the waiting leads in arrival order: a
 * binary search computes a handful of due times, however long the queue.
 */
export async function countOverdue(db: Db, clock: ResponseClock, now: Date): Promise<number> {
  const arrivals = (
    await db.quoteRequest.findMany({
      where: { ...WAITING_FOR_ANSWER, createdAt: { lte: now } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { createdAt: true },
    })
  ).map((lead) => lead.createdAt);
  let [low, high] = [0, arrivals.length];
  while (low < high) {
    const middle = (low + high) >> 1;
    if (dueAt(arrivals[middle]!, clock).getTime() <= now.getTime()) low = middle + 1;
    else high = middle;
  }
  return low;
}
