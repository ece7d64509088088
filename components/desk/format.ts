/** "5 min", "3 h", "12 d": how long ago, for the inbox's age column. */
export function ageOf(date: Date, now: Date = new Date()): string {
  const minutes = Math.max(0, Math.floor((now.getTime() - date.getTime()) / 60_000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h`;
  return `${Math.floor(hours / 24)} d`;
}

const DATE_TIME = new Intl.DateTimeFormat("en-ZA", {
  timeZone: "Africa/Johannesburg",
  dateStyle: "medium",
  timeStyle: "short",
});

/** A date and time in South African time, e.g. "2 Dec 2026, 14:05". */
export function dateTime(date: Date): string {
  return DATE_TIME.format(date);
}
