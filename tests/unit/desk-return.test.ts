// Where sign-in returns the owner: only to a desk page on this site, whatever a link or a form says.
import { describe, expect, it } from "vitest";
import { deskReturnPath, deskSignInPath } from "@/lib/routes";

describe("deskReturnPath", () => {
  it("keeps a desk page on this site, with its query", () => {
    expect(deskReturnPath("/desk/leads/FS-2026-7KQ4MZ")).toBe("/desk/leads/FS-2026-7KQ4MZ");
    expect(deskReturnPath("/desk?status=won&q=acme")).toBe("/desk?status=won&q=acme");
    expect(deskReturnPath("/desk")).toBe("/desk");
  });

  it.each([
    ["//evil.example"],
    ["https://evil.example/desk"],
    ["/\\evil.example"],
    ["\\\\evil.example"],
    ["/desk/\\evil"],
    ["/%2F%2Fevil.example"],
    ["/%2fevil.example"],
    ["/desk/%2F%2Fevil.example"],
    ["/%5Cevil.example"],
    ["/desk/%255C%255Cevil"],
    ["/%252F%252Fevil.example"],
    ["/desk/../evil"],
    ["/desk/%2E%2E/evil"],
    ["/deskevil"],
    ["/about"],
    ["javascript:alert(1)"],
    ["/desk/leads/x\nLocation: //evil"],
    ["/desk/%0d%0aevil"],
    [" /desk"],
    ["/desk/sign-in"],
    ["/desk/%"],
    [["/desk/leads/a", "//evil"]],
    [undefined],
  ])("refuses %j and returns the inbox", (value) => {
    expect(deskReturnPath(value)).toBe("/desk");
  });
});

describe("deskSignInPath", () => {
  it("remembers a page other than the inbox, encoded", () => {
    expect(deskSignInPath("/desk/leads/FS-2026-7KQ4MZ")).toBe("/desk/sign-in?next=%2Fdesk%2Fleads%2FFS-2026-7KQ4MZ");
    expect(deskSignInPath("/desk")).toBe("/desk/sign-in");
    expect(deskSignInPath()).toBe("/desk/sign-in");
  });
});
