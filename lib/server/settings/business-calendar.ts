/**
 * The response clock's values (lib/leads/business-calendar.ts parses them): working weekdays, opening hours,
 * whose public holidays, the declared closed days, and a time of day (the digest's).
 */
import { z } from "zod";
import { parseBusinessDays, parseBusinessHours, parseClosedDays, parseTimeOfDay } from "@/lib/leads/business-calendar";
import { isHolidayRegion } from "@/lib/leads/public-holidays";

/** BUSINESS_DAYS: ranges or single weekdays, comma-separated. */
export const businessDaysValue = z.string().refine((value) => parseBusinessDays(value) !== null, {
  error: 'must name weekdays, e.g. "Mon-Fri" or "Mon,Tue,Thu"',
});

/** BUSINESS_HOURS: opening and closing time, opening first. */
export const businessHoursValue = z.string().refine((value) => parseBusinessHours(value) !== null, {
  error: 'must be opening and closing time, e.g. "08:00-17:00" (opening first)',
});

/** PUBLIC_HOLIDAYS: a region the holiday data knows, or "none". */
export const publicHolidaysValue = z.string().refine((value) => value === "none" || isHolidayRegion(value), {
  error: 'must be a country code the holiday data knows, e.g. "ZA" or "GB-ENG", or "none"',
});

/** CLOSED_DAYS: dates and ranges; the parser's own message names what is wrong. */
export const closedDaysValue = z.string().check((ctx) => {
  const parsed = parseClosedDays(ctx.value);
  if (typeof parsed === "string") ctx.issues.push({ code: "custom", message: parsed, input: ctx.value });
});

/** A time of day as the clock reads it (DIGEST_TIME). */
export const timeOfDayValue = z
  .string()
  .refine((value) => parseTimeOfDay(value) !== null, { error: 'must be a time of day, e.g. "07:30"' });
