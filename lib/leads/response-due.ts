/**
 * A lead's place on the response clock, in the words the desk, the reminder and the digest use: the absolute
 * local due time, and how far off it is in business time (never wall-clock hours, and the words say so).
 */
import { localDateTime } from "@/lib/text/local-time";
import { businessMsBetween, dueAt, type ResponseClock } from "./response-clock";
import { plural } from "@/lib/text/plural";

export type DueState = {
  dueAt: Date;
  overdue: boolean;
  /** "2 Dec 2026, 14:05 SAST" */
  local: string;
  /** "due in 3 business hours", "overdue by 45 business minutes" */
  relative: string;
};

/** "3 business hours", "1 business hour", "45 business minutes", "less than a business minute". */
export function businessSpan(ms: number): string {
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  if (minutes < 1) return "less than a business minute";
  if (minutes < 60) return plural(minutes, "business minute", "business minutes");
  const hours = Math.floor(minutes / 60);
  return plural(hours, "business hour", "business hours");
}

/** Where a lead received at `receivedAt` stands at `now`. Due exactly now counts as overdue. */
export function dueState(receivedAt: Date, now: Date, clock: ResponseClock): DueState {
  const due = dueAt(receivedAt, clock);
  const overdue = due.getTime() <= now.getTime();
  const span = businessSpan(businessMsBetween(now, due, clock));
  return {
    dueAt: due,
    overdue,
    local: localDateTime(due, clock.timeZone),
    relative: overdue ? `overdue by ${span}` : `due in ${span}`,
  };
}
