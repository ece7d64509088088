import { describe, expect, it } from "vitest";
import { isoWithOffset, isTimeZone, localDate, localDateTime, utcOffset } from "@/lib/text/local-time";

describe("local time in the business's zone", () => {
  const at = new Date("2026-12-02T22:05:09Z");

  it("labels the zone and moves the date where the zone does", () => {
    expect(localDateTime(at, "Africa/Johannesburg")).toBe("3 Dec 2026, 00:05 SAST");
    expect(localDateTime(at, "UTC")).toBe("2 Dec 2026, 22:05 UTC");
    expect(localDate(at, "Africa/Johannesburg")).toBe("2026-12-03");
    expect(localDate(at, "America/New_York")).toBe("2026-12-02");
  });

  it("writes ISO 8601 with the offset of that moment (daylight saving included)", () => {
    expect(isoWithOffset(at, "Africa/Johannesburg")).toBe("2026-12-03T00:05:09+02:00");
    expect(isoWithOffset(at, "UTC")).toBe("2026-12-02T22:05:09+00:00");
    // London moves from GMT to BST on the last Sunday of March (28 March 2027, 01:00 UTC).
    expect(utcOffset(new Date("2027-03-28T00:59:00Z"), "Europe/London")).toBe("+00:00");
    expect(isoWithOffset(new Date("2027-03-28T01:00:00Z"), "Europe/London")).toBe("2027-03-28T02:00:00+01:00");
  });

  it("knows a zone from a typo", () => {
    expect(isTimeZone("Africa/Johannesburg")).toBe(true);
    expect(isTimeZone("Africa/Joburg")).toBe(false);
  });
});
