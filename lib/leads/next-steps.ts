/**
 * A lead's next step and its day. The day is a calendar date in the business's zone, stored as midnight UTC of
 * that date, so "due by day X" is one comparison that means the same on SQLite and PostgreSQL.
 */
import type { Db } from "@/lib/db/client";
import { localDate } from "@/lib/text/local-time";

/** Statuses whose next steps still matter: a won, lost or spam lead has none due. */
export const OPEN_STATUSES = ["new", "in_progress"] as const;

/** "2026-12-07" as stored: midnight UTC of that calendar date; null for anything that is not a real date. */
export function dayOf(isoDate: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(isoDate)) return null;
  const date = new Date(`${isoDate}T00:00:00.000Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== isoDate ? null : date;
}

/** A stored day back as "YYYY-MM-DD" (the date field's value, the CSV's cell). */
export function isoDay(day: Date): string {
  return day.toISOString().slice(0, 10);
}

/** Today in the business's zone, as a stored day: a next step on or before it is due. */
export function today(now: Date, timeZone: string): Date {
  return dayOf(localDate(now, timeZone))!;
}

/** The Prisma condition "next step due on or before `day`". */
export function dueBy(day: Date) {
  return { nextStepAt: { lte: day } };
}

export type DueNextStep = {
  reference: string;
  name: string;
  status: string;
  nextStep: string | null;
  nextStepAt: Date;
};

/**
 * Open leads (New, In progress) whose next step is due on or before `isoDate` ("YYYY-MM-DD", a local date), the
 * earliest first: what the daily digest lists. Throws on a malformed date.
 */
export async function nextStepsDueBy(db: Db, isoDate: string): Promise<DueNextStep[]> {
  const day = dayOf(isoDate);
  if (!day) throw new Error(`not a date: ${isoDate}`);
  const rows = await db.quoteRequest.findMany({
    where: { ...dueBy(day), status: { in: [...OPEN_STATUSES] } },
    orderBy: [{ nextStepAt: "asc" }, { createdAt: "asc" }, { id: "asc" }],
    select: { reference: true, name: true, status: true, nextStep: true, nextStepAt: true },
  });
  return rows.map((row) => ({ ...row, nextStepAt: row.nextStepAt! }));
}
