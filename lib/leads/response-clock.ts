/**
 * The response clock: when a lead is due (RESPONSE_TARGET_HOURS of business time after it arrived) and how
 * much business time lies between two moments. Business time is the calendar's opening hours on its working
 * weekdays, in its own zone, less public holidays and the owner's closed days. Pure: `now` and the calendar
 * are parameters, and local times are turned into instants through the zone's rules on each date, so a
 * daylight-saving change moves the opening hours with the wall clock.
 */
import { isDeclaredClosed, nextLocalDate, weekdayOf, type BusinessCalendar } from "./business-calendar";
import { isPublicHoliday } from "./public-holidays";
import { localDate, utcOffset } from "@/lib/text/local-time";

export type ResponseClock = BusinessCalendar & {
  /** RESPONSE_TARGET_HOURS: business hours from arrival to the promised answer. */
  targetHours: number;
};

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** Longest walk through the calendar (a year of closed days would be a mistake in the settings, not a wait). */
const MAX_DAYS = 2 * 366;

/** True when the local date is a working day: a working weekday, not a public holiday, not declared closed. */
export function isBusinessDay(date: string, calendar: BusinessCalendar): boolean {
  return (
    calendar.days.includes(weekdayOf(date)) &&
    !isDeclaredClosed(date, calendar.closed) &&
    !(calendar.holidays !== null && isPublicHoliday(calendar.holidays, date))
  );
}

/** The instant the zone's clocks show `minutes` after midnight on a local date. */
export function zonedInstant(date: string, minutes: number, timeZone: string): number {
  const wall = Date.parse(`${date}T00:00:00Z`) + minutes * MINUTE;
  const offsetAt = (instant: number) => {
    const [sign, hours, mins] = /^([+-])(\d{2}):(\d{2})$/.exec(utcOffset(new Date(instant), timeZone))!.slice(1);
    return (sign === "-" ? -1 : 1) * (Number(hours) * HOUR + Number(mins) * MINUTE);
  };
  // Two passes settle the offset in force at that wall time (the first guess may sit across a change).
  const guess = wall - offsetAt(wall);
  return wall - offsetAt(guess);
}

type Opening = { start: number; end: number } | null;
/** Each calendar's openings by date: the desk asks for the same few dates once per New lead. */
const openings = new WeakMap<BusinessCalendar, Map<string, Opening>>();

/** A working day's opening hours as instants, or null when the date is not a working day. */
function openingOf(date: string, calendar: BusinessCalendar): Opening {
  let known = openings.get(calendar);
  if (!known) openings.set(calendar, (known = new Map()));
  if (known.has(date)) return known.get(date)!;
  const opening = isBusinessDay(date, calendar)
    ? {
        start: zonedInstant(date, calendar.open, calendar.timeZone),
        end: zonedInstant(date, calendar.close, calendar.timeZone),
      }
    : null;
  if (known.size > 5_000) known.clear();
  known.set(date, opening);
  return opening;
}

function noBusinessTime(): never {
  throw new Error(`no business hours in the next ${MAX_DAYS} days: check BUSINESS_DAYS and CLOSED_DAYS`);
}

/** When a lead received at `receivedAt` is due: RESPONSE_TARGET_HOURS of business time later. */
export function dueAt(receivedAt: Date, clock: ResponseClock): Date {
  let remaining = clock.targetHours * HOUR;
  let date = localDate(receivedAt, clock.timeZone);
  for (let day = 0; day < MAX_DAYS; day++, date = nextLocalDate(date)) {
    const opening = openingOf(date, clock);
    if (!opening) continue;
    const start = Math.max(opening.start, receivedAt.getTime());
    if (start >= opening.end) continue;
    if (start + remaining <= opening.end) return new Date(start + remaining);
    remaining -= opening.end - start;
  }
  return noBusinessTime();
}

/** Business time from `from` to `to` in milliseconds; negative when `to` comes first. */
export function businessMsBetween(from: Date, to: Date, calendar: BusinessCalendar): number {
  if (to < from) return -businessMsBetween(to, from, calendar);
  const last = localDate(to, calendar.timeZone);
  let total = 0;
  let date = localDate(from, calendar.timeZone);
  for (let day = 0; date <= last; day++, date = nextLocalDate(date)) {
    if (day > 20 * 366) break;
    const opening = openingOf(date, calendar);
    if (!opening) continue;
    total += Math.max(0, Math.min(opening.end, to.getTime()) - Math.max(opening.start, from.getTime()));
  }
  return total;
}

/** Business hours from `from` to `to` (fractional; negative when `to` comes first). */
export function businessHoursBetween(from: Date, to: Date, calendar: BusinessCalendar): number {
  return businessMsBetween(from, to, calendar) / HOUR;
}
