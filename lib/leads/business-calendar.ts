/**
 * The business's calendar as the settings write it: which weekdays it works, its opening hours, the days the
 * owner declared closed (leave, a December shutdown) and whose public holidays apply. Parsers for
 * lib/server/env.ts and the plain local-date arithmetic the response clock walks with. No I/O, no clock.
 */

/** Sunday is 0, as `Date.getUTCDay()` counts. */
const DAY_NAMES = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"] as const;

/** A range of local dates, both ends included ("YYYY-MM-DD"). */
export type DateRange = { from: string; to: string };

export type BusinessCalendar = {
  /** BUSINESS_TIME_ZONE: business hours and local dates are read in it. */
  timeZone: string;
  /** Working weekdays, Sunday 0 to Saturday 6. */
  days: readonly number[];
  /** Opening and closing time, minutes after local midnight (open < close). */
  open: number;
  close: number;
  /** Owner-declared closed days. */
  closed: readonly DateRange[];
  /** The region whose public holidays are closed days ("ZA", "GB", "US-CA"), or null for none. */
  holidays: string | null;
};

/** "Mon-Fri" or "Mon,Tue,Thu" (ranges and single days, comma-separated) as weekday numbers; null if malformed. */
export function parseBusinessDays(value: string): number[] | null {
  const days = new Set<number>();
  for (const item of value.toLowerCase().split(",")) {
    const [first, last, extra] = item
      .trim()
      .split("-")
      .map((name) => DAY_NAMES.indexOf(name.trim().slice(0, 3) as never));
    if (first === undefined || first < 0 || extra !== undefined || (last !== undefined && last < 0)) return null;
    const end = last ?? first;
    // A range may wrap past Saturday ("Sat-Mon").
    for (let day = first; ; day = (day + 1) % 7) {
      days.add(day);
      if (day === end) break;
    }
  }
  return days.size > 0 ? [...days].sort() : null;
}

/** "08:00-17:00" as minutes after midnight; null if malformed or if it does not open before it closes. */
export function parseBusinessHours(value: string): { open: number; close: number } | null {
  const match = /^\s*(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s*$/.exec(value);
  if (!match) return null;
  const [open, close] = [minutesOf(match[1]!, match[2]!), minutesOf(match[3]!, match[4]!)];
  return open !== null && close !== null && open < close ? { open, close } : null;
}

/** "07:30" as minutes after midnight; null if malformed. */
export function parseTimeOfDay(value: string): number | null {
  const match = /^\s*(\d{1,2}):(\d{2})\s*$/.exec(value);
  return match ? minutesOf(match[1]!, match[2]!) : null;
}

function minutesOf(hours: string, minutes: string): number | null {
  const [h, m] = [Number(hours), Number(minutes)];
  return h <= 24 && m < 60 && h * 60 + m <= 24 * 60 ? h * 60 + m : null;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar date written YYYY-MM-DD. */
export function isLocalDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/**
 * "2026-12-21..2027-01-04, 2027-03-10": closed days as ranges (a single date is a one-day range); an empty
 * value is none. Returns the problem in words for a malformed item.
 */
export function parseClosedDays(value: string): DateRange[] | string {
  const ranges: DateRange[] = [];
  for (const item of value.split(",").map((part) => part.trim())) {
    if (item === "") continue;
    const [from = "", last, extra] = item.split("..").map((part) => part.trim());
    const to = last ?? from;
    if (extra !== undefined || !isLocalDate(from) || !isLocalDate(to))
      return `"${item}" is not a date (YYYY-MM-DD) or a range of dates (YYYY-MM-DD..YYYY-MM-DD)`;
    if (to < from) return `"${item}" ends before it starts`;
    ranges.push({ from, to });
  }
  return ranges;
}

/** The day after a local date. */
export function nextLocalDate(date: string): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}

/** The weekday of a local date, Sunday 0. */
export function weekdayOf(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

/** True when an owner-declared range covers the date. */
export function isDeclaredClosed(date: string, closed: readonly DateRange[]): boolean {
  return closed.some((range) => range.from <= date && date <= range.to);
}
