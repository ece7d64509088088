/**
 * Public holidays from the maintained `date-holidays` data (no table of our own), for the response clock.
 * Only days of type "public" count, with the substitute days the law adds (in South Africa a holiday on a
 * Sunday moves to the Monday: Human Rights Day, Sunday 21 March 2027, is observed on Monday 22 March).
 * Server-only: the library's data stays out of every page's script.
 */
import Holidays from "date-holidays";

const byRegionYear = new Map<string, ReadonlySet<string>>();

/** A region date-holidays knows: a country code, optionally with a state ("ZA", "GB", "US-CA"). */
export function isHolidayRegion(region: string): boolean {
  const [country, state] = region.split("-");
  if (!country || !/^[A-Z]{2}$/.test(country)) return false;
  const countries = new Holidays().getCountries();
  if (!(country in countries)) return false;
  return state === undefined || state in (new Holidays().getStates(country) ?? {});
}

/** The public holidays of `region` in `year`, as local dates "YYYY-MM-DD". */
export function publicHolidays(region: string, year: number): ReadonlySet<string> {
  const key = `${region}:${year}`;
  let found = byRegionYear.get(key);
  if (!found) {
    const [country, state] = region.split("-");
    const calendar = state ? new Holidays(country!, state) : new Holidays(country!);
    found = new Set(
      calendar
        .getHolidays(year)
        .filter((holiday) => holiday.type === "public")
        .map((holiday) => holiday.date.slice(0, 10)),
    );
    byRegionYear.set(key, found);
  }
  return found;
}

/** True when the local date is a public holiday in `region`. */
export function isPublicHoliday(region: string, date: string): boolean {
  return publicHolidays(region, Number(date.slice(0, 4))).has(date);
}
