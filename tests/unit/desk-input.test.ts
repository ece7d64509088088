// What the desk reads from a query string or a form before lib/leads acts on it: the inbox's filter (shared by
// the inbox and its CSV export) and a lead's reference (the desk's actions and the erase page).
import { describe, expect, it } from "vitest";
import { parseInboxFilter, SEARCH_MAX_LENGTH } from "@/lib/leads/inbox-filter";
import { leadReference, parseLeadReference } from "@/lib/leads/reference";

describe("the inbox filter", () => {
  it("reads a status in any spelling, a trimmed search and a page", () => {
    expect(parseInboxFilter({ status: "in-progress", q: "  Ada ", page: "3" })).toEqual({
      status: "in_progress",
      query: "Ada",
      page: 3,
    });
    expect(parseInboxFilter({ status: "Won" }).status).toBe("won");
  });

  it("means every status, no search and the first page when a value is missing, unknown or not text", () => {
    expect(parseInboxFilter({})).toEqual({ status: undefined, query: undefined, page: 1 });
    expect(parseInboxFilter({ status: "done", q: "   ", page: "x" })).toEqual({
      status: undefined,
      query: undefined,
      page: 1,
    });
    expect(parseInboxFilter({ status: null, q: new File(["x"], "q.txt") })).toEqual({
      status: undefined,
      query: undefined,
      page: 1,
    });
  });

  it("takes the first of repeated query-string values and cuts a long search", () => {
    const filter = parseInboxFilter({ status: ["spam", "won"], q: ["x".repeat(SEARCH_MAX_LENGTH + 50), "y"] });
    expect(filter.status).toBe("spam");
    expect(filter.query).toHaveLength(SEARCH_MAX_LENGTH);
  });
});

describe("a lead's reference", () => {
  it("accepts the stored form in any case with spaces around, and gives the stored form", () => {
    expect(parseLeadReference("FS-2026-7KQ4MZ")).toBe("FS-2026-7KQ4MZ");
    expect(parseLeadReference(" fs-2026-7kq4mz ")).toBe("FS-2026-7KQ4MZ");
  });

  it("refuses anything that is not a reference, with a message for the form", () => {
    for (const value of ["", "FS-2026", "FS-2026-7KQ4M", "FS-2026-ILOU00", "../desk", 42, undefined, null])
      expect(parseLeadReference(value), String(value)).toBeNull();
    expect(leadReference.safeParse("nope").error?.issues[0]?.message).toBe("That is not a lead reference.");
    expect(leadReference.safeParse(undefined).error?.issues[0]?.message).toBe("A lead reference is missing.");
  });
});
