import { describe, expect, it } from "vitest";
import { inlineScriptsOf, routePattern, type PageScripts } from "@/lib/server/page-scripts";

describe("routePattern", () => {
  it("answers the addresses of a page route, dynamic segments included", () => {
    expect(routePattern("/desk").test("/desk")).toBe(true);
    expect(routePattern("/desk").test("/desk/sign-in")).toBe(false);
    expect(routePattern("/desk/leads/[reference]").test("/desk/leads/FSD-123")).toBe(true);
    expect(routePattern("/desk/leads/[reference]").test("/desk/leads/a/b")).toBe(false);
    expect(routePattern("/docs/[...slug]").test("/docs/a/b")).toBe(true);
    expect(routePattern("/docs/[...slug]").test("/docs")).toBe(false);
    expect(routePattern("/docs/[[...slug]]").test("/docs")).toBe(true);
    expect(routePattern("/").test("/")).toBe(true);
    expect(routePattern("/a.b").test("/axb")).toBe(false);
  });
});

describe("inlineScriptsOf", () => {
  const scripts: PageScripts = {
    scriptFree: new Set(["/", "/about"]),
    inlineScripts: new Map([["/quote", ["'sha256-a'", "'sha256-b'"]]]),
    notFound: ["'sha256-c'"],
    perRequest: ["/desk", "/desk/leads/[reference]"].map(routePattern),
  };

  it("gives content pages none, static pages with scripts their hashes, per-request pages a nonce", () => {
    expect(inlineScriptsOf(scripts, "/about")).toEqual({ kind: "none" });
    expect(inlineScriptsOf(scripts, "/quote")).toEqual({ kind: "hashes", sources: ["'sha256-a'", "'sha256-b'"] });
    expect(inlineScriptsOf(scripts, "/desk/leads/FSD-1")).toEqual({ kind: "nonce" });
  });

  it("gives an address no page answers the not-found document's hashes, or nothing when the build has none", () => {
    expect(inlineScriptsOf(scripts, "/no-such-page")).toEqual({ kind: "hashes", sources: ["'sha256-c'"] });
    expect(inlineScriptsOf(scripts, "/about/x")).toEqual({ kind: "hashes", sources: ["'sha256-c'"] });
    expect(inlineScriptsOf({ ...scripts, notFound: undefined }, "/no-such-page")).toBeUndefined();
  });
});
