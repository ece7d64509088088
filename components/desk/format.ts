import { localDateTime } from "@/lib/text/local-time";

/** "5 min", "3 h", "12 d": how long ago, for the inbox's age column. */
export function ageOf(date: Date, now: Date = new Date()): string {
  const minutes = Math.max(0, Math.floor((now.getTime() - date.getTime()) / 60_000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h`;
  return `${Math.floor(hours / 24)} d`;
}

/** A date and time in the business's zone (BUSINESS_TIME_ZONE), labelled: "2 Dec 2026, 14:05 SAST". */
export function dateTime(date: Date, timeZone: string): string {
  return localDateTime(date, timeZone);
}
