/**
 * Times in the business's own zone (BUSINESS_TIME_ZONE), always labelled with it: the desk, the emails, the
 * CLI and the CSV show one zone, and say which.
 */

/** True when `value` is an IANA time zone this runtime knows, e.g. "Africa/Johannesburg". */
export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * `date` in `timeZone` through a formatter of `locale` and `options` (made once per zone and shape), as a lookup of
 * its parts: `part("day")` is the day as that formatter writes it ("" when it writes none).
 */
function partsIn(date: Date, timeZone: string, locale: string, options: Intl.DateTimeFormatOptions) {
  const key = `${locale}:${timeZone}:${JSON.stringify(options)}`;
  let format = formatters.get(key);
  if (!format) formatters.set(key, (format = new Intl.DateTimeFormat(locale, { ...options, timeZone })));
  const parts = format.formatToParts(date);
  return (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
}

const TIME = { hour: "2-digit", minute: "2-digit", hourCycle: "h23" } as const;

/** "2 Dec 2026, 14:05 SAST": a date and time in `timeZone`, with the zone's short name (or GMT offset). */
export function localDateTime(date: Date, timeZone: string): string {
  const part = partsIn(date, timeZone, "en-ZA", {
    day: "numeric",
    month: "short",
    year: "numeric",
    ...TIME,
    timeZoneName: "short",
  });
  const day = `${Number(part("day"))} ${part("month")} ${part("year")}`;
  return `${day}, ${part("hour")}:${part("minute")} ${part("timeZoneName")}`;
}

/** The zone's offset from UTC at `date`, as "+02:00" ("+00:00" for UTC). */
export function utcOffset(date: Date, timeZone: string): string {
  const name = partsIn(date, timeZone, "en", { timeZoneName: "longOffset" })("timeZoneName") || "GMT";
  return name === "GMT" ? "+00:00" : name.slice(3);
}

/** ISO 8601 local time with its offset, e.g. "2026-12-02T14:05:09+02:00" (for the CSV and the CLI). */
export function isoWithOffset(date: Date, timeZone: string): string {
  const part = partsIn(date, timeZone, "en-CA", {
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    ...TIME,
    second: "2-digit",
  });
  const day = `${part("year")}-${part("month")}-${part("day")}`;
  return `${day}T${part("hour")}:${part("minute")}:${part("second")}${utcOffset(date, timeZone)}`;
}

/** The local calendar date in `timeZone`, "YYYY-MM-DD" (the digest's and the daily backup's key). */
export function localDate(date: Date, timeZone: string): string {
  return isoWithOffset(date, timeZone).slice(0, 10);
}

/** "Friday 4 December, 12:00 SAST": a weekday, date and time in `timeZone`, as a promise to a visitor states it. */
export function localWeekdayTime(date: Date, timeZone: string): string {
  const part = partsIn(date, timeZone, "en-ZA", {
    weekday: "long",
    day: "numeric",
    month: "long",
    ...TIME,
    timeZoneName: "short",
  });
  const day = `${part("weekday")} ${Number(part("day"))} ${part("month")}`;
  return `${day}, ${part("hour")}:${part("minute")} ${part("timeZoneName")}`;
}

/** "Monday 7 December 2026": the local date in words (the digest's day). */
export function localDayInWords(date: Date, timeZone: string): string {
  const part = partsIn(date, timeZone, "en-ZA", { weekday: "long", day: "numeric", month: "long", year: "numeric" });
  return `${part("weekday")} ${Number(part("day"))} ${part("month")} ${part("year")}`;
}
