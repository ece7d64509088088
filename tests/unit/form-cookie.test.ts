import { describe, expect, it } from "vitest";
import { quoteChoices } from "@/lib/quotes/catalog";
import { FORM_CONTEXT_COOKIE, FORM_TOKEN_COOKIE, formCookies, withFormCookies } from "@/lib/quotes/form-cookie";
import { interestFromSegments, preselectRewrites, visitContext } from "@/lib/quotes/form-context";
import { issueFormToken, verifyFormToken } from "@/lib/quotes/form-token";

const secret = "unit-form-secret-0123456789-abcdefghijklmnop";
const settings = { secret, maxAgeHours: 24, secure: true, now: new Date("2026-12-02T10:00:00Z") };
const hoursAgo = (hours: number) => new Date(settings.now.getTime() - hours * 3600_000);
const visit = (token: string | undefined, referer: string | null = null, query = "") => ({
  token,
  referer,
  hosts: ["www.fsdev.example"],
  params: new URLSearchParams(query),
});

describe("the form's cookies on a load of /quote", () => {
  it("issues a token dated now when the visitor has none, or one that is forged, expired or past half its life", () => {
    const cases = [
      undefined,
      "v1.not-a-token",
      issueFormToken("another-secret-that-is-long-enough-0123456789", hoursAgo(1)),
      issueFormToken(secret, hoursAgo(25)),
      issueFormToken(secret, hoursAgo(12.5)),
    ];
    for (const token of cases) {
      const written = formCookies(visit(token), settings).find((cookie) => cookie.name === FORM_TOKEN_COOKIE);
      expect(written, String(token)).toBeDefined();
      const check = verifyFormToken(written!.value, secret, 24, settings.now);
      expect(check).toEqual({ ok: true, ageSeconds: 0 });
      expect(written!.options).toEqual({
        httpOnly: true,
        sameSite: "lax",
        secure: true,
        path: "/quote",
        maxAge: 86400,
      });
    }
  });

  it("keeps a valid token younger than half its life, so a second tab does not restart the clock", () => {
    const cookies = formCookies(visit(issueFormToken(secret, hoursAgo(11))), settings);
    expect(cookies.map((cookie) => cookie.name)).toEqual([FORM_CONTEXT_COOKIE]);
  });

  it("records the referring page of this site and the UTM tags; clears an older context on a visit with none", () => {
    const [, context] = formCookies(
      visit(undefined, "https://www.fsdev.example/services/automation?x=1", "utm_source=news&utm_campaign=spring"),
      settings,
    );
    expect(new URLSearchParams(context!.value).toString()).toBe(
      "referrerPath=%2Fservices%2Fautomation&utm_source=news&utm_campaign=spring",
    );
    expect(context!.options.maxAge).toBeUndefined();
    const [, cleared] = formCookies(visit(undefined, "https://elsewhere.example/page"), settings);
    expect(cleared).toMatchObject({ name: FORM_CONTEXT_COOKIE, value: "", options: { maxAge: 0 } });
  });

  it("carries the tags of the same-origin page that opened the form; the form's own win over them", () => {
    const hosts = ["www.fsdev.example"];
    expect(
      visitContext(
        "https://www.fsdev.example/services?utm_campaign=spring&utm_source=news",
        hosts,
        new URLSearchParams(),
      ),
    ).toEqual({ referrerPath: "/services", utm_campaign: "spring", utm_source: "news" });
    expect(
      visitContext(
        "https://www.fsdev.example/services?utm_campaign=spring&utm_source=news",
        hosts,
        new URLSearchParams("utm_campaign=autumn"),
      ),
    ).toEqual({ referrerPath: "/services", utm_campaign: "autumn", utm_source: "news" });
    expect(visitContext("https://elsewhere.example/page?utm_campaign=theirs", hosts, new URLSearchParams())).toEqual(
      {},
    );
  });

  it("caps UTM values at 100 characters", () => {
    expect(visitContext(null, [], new URLSearchParams({ utm_term: "x".repeat(500) })).utm_term).toHaveLength(100);
  });
});

describe("a posted form with the cookies filled in", () => {
  it("takes the token and the context from the cookies when the form carries none", () => {
    const filled = withFormCookies(
      { name: "Ada" },
      { token: "v1.cookie", context: "referrerPath=%2Fabout&utm_medium=email&other=ignored" },
    );
    expect(filled).toEqual({ name: "Ada", formToken: "v1.cookie", referrerPath: "/about", utm_medium: "email" });
  });

  it("prefers what the form posted (a token handed back after a refusal)", () => {
    const filled = withFormCookies(
      { formToken: "v1.posted", referrerPath: "/faq" },
      { token: "v1.cookie", context: "referrerPath=%2Fabout" },
    );
    expect(filled).toMatchObject({ formToken: "v1.posted", referrerPath: "/faq" });
  });

  it("leaves the token missing when neither has one", () => {
    expect(withFormCookies({}, {}).formToken).toBeUndefined();
  });
});

describe("quote links that preselect an interest", () => {
  it("rewrite exactly each choice of the catalog to its prerendered copy, and nothing else", () => {
    const choices = quoteChoices().interests;
    const rewrites = preselectRewrites(choices);
    expect(rewrites).toHaveLength(choices.length);
    for (const [index, rewrite] of rewrites.entries()) {
      const value = choices[index]!.value;
      expect(rewrite.source).toBe("/quote");
      expect(interestFromSegments(rewrite.destination.replace("/quote/for/", "").split("/"))).toBe(value);
      // Next.js anchors a `has` value as a regular expression: it must match the value and only the value.
      const pattern = new RegExp(`^${rewrite.has[0]!.value}$`);
      expect(pattern.test(value)).toBe(true);
      expect(pattern.test(`${value}x`)).toBe(false);
      expect(pattern.test(value.slice(0, -1))).toBe(false);
    }
  });

  it("escape the characters a regular expression would read", () => {
    const [rewrite] = preselectRewrites([{ value: "service:a.b+c" }]);
    expect(new RegExp(`^${rewrite!.has[0]!.value}$`).test("service:aXb+c")).toBe(false);
    expect(new RegExp(`^${rewrite!.has[0]!.value}$`).test("service:a.b+c")).toBe(true);
  });
});
