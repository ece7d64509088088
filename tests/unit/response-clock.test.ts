// The response clock with a fixed clock: due times across a weekend, the end of a business day, public holidays
// (16 December; Human Rights Day on Sunday 21 March 2027, observed Monday 22 March), owner-declared closed days,
// and a zone with daylight saving (Europe/London across Sunday 28 March 2027), so no fixed +02:00 can pass.
import { describe, expect, it } from "vitest";
import { businessHoursBetween, dueAt, isBusinessDay, type ResponseClock } from "@/lib/leads/response-clock";
import { businessSpan, dueState } from "@/lib/leads/response-due";
import { parseBusinessDays, parseBusinessHours, parseClosedDays } from "@/lib/leads/business-calendar";
import { parseEnv, responseClock } from "@/lib/server/env";
import { localWeekdayTime } from "@/lib/text/local-time";

/** The clock the default settings describe (Africa/Johannesburg, Mon-Fri 08:00-17:00, ZA holidays, 8 hours). */
const clock = (settings: Record<string, string> = {}): ResponseClock => responseClock(parseEnv(settings));
const due = (received: string, settings?: Record<string, string>) =>
  dueAt(new Date(received), clock(settings)).toISOString();

describe("due times in Africa/Johannesburg (the defaults)", () => {
  it("counts a working day straight through: 09:00 plus 8 hours is 17:00 the same day", () => {
    expect(due("2026-12-02T09:00:00+02:00")).toBe("2026-12-02T15:00:00.000Z");
  });

  it("carries what the day cannot hold into the next working day", () => {
    // Tuesday 16:30: half an hour on Tuesday, seven and a half on Wednesday.
    expect(due("2026-12-01T16:30:00+02:00")).toBe("2026-12-02T13:30:00.000Z");
    // After closing: the whole target on the next day.
    expect(due("2026-12-01T19:45:00+02:00")).toBe("2026-12-02T14:00:00.000Z");
  });

  it("skips the weekend", () => {
    // Friday 15:00: two hours on Friday, six on Monday 7 December.
    expect(due("2026-12-04T15:00:00+02:00")).toBe("2026-12-07T12:00:00.000Z");
    // Saturday morning: Monday 08:00 plus 8 hours.
    expect(due("2026-12-05T10:00:00+02:00")).toBe("2026-12-07T14:00:00.000Z");
  });

  it("skips a public holiday on a weekday (Day of Reconciliation, Wednesday 16 December 2026)", () => {
    expect(isBusinessDay("2026-12-16", clock())).toBe(false);
    // Tuesday 12:00: five hours on Tuesday, Wednesday is a holiday, three on Thursday.
    expect(due("2026-12-15T12:00:00+02:00")).toBe("2026-12-17T09:00:00.000Z");
  });

  it("skips a Sunday holiday's observed Monday (Human Rights Day 2027)", () => {
    expect(isBusinessDay("2027-03-22", clock())).toBe(false);
    // Friday 19 March 12:00: five hours, then Saturday, Sunday 21 (the holiday), Monday 22 (observed): Tuesday 11:00.
    expect(due("2027-03-19T12:00:00+02:00")).toBe("2027-03-23T09:00:00.000Z");
    // With no holidays the Monday counts.
    expect(due("2027-03-19T12:00:00+02:00", { PUBLIC_HOLIDAYS: "none" })).toBe("2027-03-22T09:00:00.000Z");
  });

  it("skips the owner's closed days, holidays inside them too", () => {
    const settings = { CLOSED_DAYS: "2026-12-21..2027-01-04" };
    // Friday 18 December 14:00: three hours, then closed until Monday 4 January inclusive: Tuesday 5 January 13:00.
    expect(due("2026-12-18T14:00:00+02:00", settings)).toBe("2027-01-05T11:00:00.000Z");
    // A single closed date.
    expect(due("2026-12-02T09:00:00+02:00", { CLOSED_DAYS: "2026-12-02" })).toBe("2026-12-03T14:00:00.000Z");
  });

  it("follows BUSINESS_DAYS, BUSINESS_HOURS and RESPONSE_TARGET_HOURS", () => {
    const settings = { BUSINESS_DAYS: "Mon-Thu", BUSINESS_HOURS: "09:00-13:00", RESPONSE_TARGET_HOURS: "6" };
    // Thursday 3 December 11:00: two hours, then Monday 7 December 09:00 plus four.
    expect(due("2026-12-03T11:00:00+02:00", settings)).toBe("2026-12-07T11:00:00.000Z");
  });
});

describe("a zone with daylight saving (Europe/London, last Sunday of March 2027)", () => {
  const london = { BUSINESS_TIME_ZONE: "Europe/London", PUBLIC_HOLIDAYS: "none" };

  it("opens at 08:00 GMT before the change and 08:00 BST after it", () => {
    // Friday 26 March 10:00 GMT: seven hours on Friday; Monday 29 March 08:00 BST (07:00Z) plus one: 09:00 BST.
    // (A fixed +02:00 would say 09:00Z, a fixed +00:00 09:00Z as well.)
    expect(due("2027-03-26T10:00:00Z", london)).toBe("2027-03-29T08:00:00.000Z");
    expect(localWeekdayTime(new Date("2027-03-29T08:00:00Z"), "Europe/London")).toMatch(/^Monday 29 March, 09:00 /);
    // Friday 26 March 16:00 GMT: one hour on Friday, seven from Monday 08:00 BST: 15:00 BST.
    expect(due("2027-03-26T16:00:00Z", london)).toBe("2027-03-29T14:00:00.000Z");
    // Friday 12:00 GMT to Monday 11:00 BST: five hours and three.
    expect(
      businessHoursBetween(new Date("2027-03-26T12:00:00Z"), new Date("2027-03-29T10:00:00Z"), clock(london)),
    ).toBe(8);
  });

  it("with England's bank holidays, skips Good Friday and Easter Monday as well", () => {
    // Thursday 25 March 16:00 GMT: one hour; Friday 26 and Monday 29 are holidays: Tuesday 30 March 15:00 BST.
    expect(due("2027-03-25T16:00:00Z", { ...london, PUBLIC_HOLIDAYS: "GB-ENG" })).toBe("2027-03-30T14:00:00.000Z");
  });
});

describe("business time between two moments and its words", () => {
  it("counts only opening hours, and says business hours", () => {
    const received = new Date("2026-12-04T15:00:00+02:00"); // due Monday 7 December 14:00 SAST
    const before = dueState(received, new Date("2026-12-07T11:00:00+02:00"), clock());
    expect(before).toMatchObject({ overdue: false, relative: "due in 3 business hours" });
    expect(before.local).toMatch(/^7 Dec 2026, 14:00 /);
    const after = dueState(received, new Date("2026-12-08T09:00:00+02:00"), clock());
    expect(after).toMatchObject({ overdue: true, relative: "overdue by 4 business hours" });
    // Over a weekend no business time passes.
    expect(
      businessHoursBetween(new Date("2026-12-04T17:00:00+02:00"), new Date("2026-12-07T08:00:00+02:00"), clock()),
    ).toBe(0);
    expect(businessSpan(45 * 60_000)).toBe("45 business minutes");
    expect(businessSpan(61 * 60_000)).toBe("1 business hour");
    expect(businessSpan(20_000)).toBe("less than a business minute");
  });
});

describe("the calendar's settings", () => {
  it("reads weekdays, hours and closed days, and refuses malformed ones naming the variable", () => {
    expect(parseBusinessDays("Mon-Fri")).toEqual([1, 2, 3, 4, 5]);
    expect(parseBusinessDays("sat-mon, wed")).toEqual([0, 1, 3, 6]);
    expect(parseBusinessDays("Mon-Funday")).toBeNull();
    expect(parseBusinessHours("17:00-08:00")).toBeNull();
    expect(parseClosedDays("2026-12-21..2027-01-04, 2027-03-10")).toEqual([
      { from: "2026-12-21", to: "2027-01-04" },
      { from: "2027-03-10", to: "2027-03-10" },
    ]);
    expect(parseClosedDays("2026-02-30")).toMatch(/not a date/);
    expect(() => parseEnv({ CLOSED_DAYS: "2027-01-04..2026-12-21" })).toThrow(/CLOSED_DAYS: .*ends before it starts/);
    expect(() => parseEnv({ BUSINESS_HOURS: "8 to 5" })).toThrow(/BUSINESS_HOURS: /);
    expect(() => parseEnv({ PUBLIC_HOLIDAYS: "XX" })).toThrow(/PUBLIC_HOLIDAYS: /);
    expect(() => parseEnv({ DIGEST_TIME: "25:00" })).toThrow(/DIGEST_TIME: /);
  });
});
