import { describe, expect, it } from "vitest";
import { dropUnreadProperties, inlineStylesheets } from "@/lib/build/inline-styles.mjs";

const HTML = '<!DOCTYPE html><html lang="en-ZA"><head><meta charSet="utf-8"/>';
const doc = (head: string, body: string) => `${HTML}${head}<title>T</title></head><body>${body}</body></html>`;
const LINK = '<link rel="stylesheet" href="/_next/static/chunks/a.css" data-precedence="next"/>';
const sheets: Record<string, string> = {
  "/_next/static/chunks/a.css":
    ":root{--color-ink:#0f172a;--color-unused:red;--tw-blur:initial;--chain:var(--color-ink)}" +
    "h1{color:var(--color-ink)}.card:hover{color:blue}.absent{color:green}" +
    "@media (prefers-color-scheme:dark){:root{--color-ink:#fff}.card{background:black}.gone{color:red}}" +
    "@property --tw-blur{syntax:'*';inherits:false}" +
    "@font-face{font-family:Face;src:url(../media/face.woff2)format('woff2')}" +
    ".hero{background:url(../media/hero.svg)}",
  "/_next/static/chunks/b.css": "p{margin:0}",
};
const read = (href: string) => sheets[href];

describe("inlineStylesheets", () => {
  it("replaces the links with one <style> of the rules the markup uses, the rest of the document untouched", () => {
    const body = '<h1 class="hero">Hi</h1><div class="card">x</div><p>y</p>';
    const html = doc(`${LINK}<link rel="stylesheet" href="/_next/static/chunks/b.css" data-precedence="next"/>`, body);
    const result = inlineStylesheets("/", html, read);
    const style = /<style>([\s\S]*)<\/style>/.exec(result)?.[1] ?? "";
    expect(result.replace(/<style>[\s\S]*<\/style>/, "")).toBe(doc("", body));
    expect(style).toContain("h1{color:var(--color-ink)}");
    expect(style).toContain(".card:hover{color:blue}");
    expect(style).toContain(".card{background:black}");
    expect(style).toContain("p{margin:0}");
    // Rules for elements the page does not have, and custom properties nothing reads, are gone.
    expect(style).not.toMatch(/absent|gone|--color-unused|--tw-blur|--chain/);
    // Relative URLs now resolve from the document; fonts are kept whole.
    expect(style).toContain("url(/_next/static/media/hero.svg)");
    expect(style).toContain("@font-face{font-family:Face;src:url(/_next/static/media/face.woff2)");
  });

  it("leaves a page without a stylesheet as it is", () => {
    const html = doc("", "<p>x</p>");
    expect(inlineStylesheets("/", html, read)).toBe(html);
  });

  it("refuses, naming the page, a link it cannot inline without changing its meaning", () => {
    const media = '<link rel="stylesheet" href="/_next/static/chunks/a.css" media="print"/>';
    expect(() => inlineStylesheets("/faq", doc(media, ""), read)).toThrow(
      /script-free pages: \/faq: a stylesheet link with media/,
    );
    const other = '<link rel="stylesheet" href="https://cdn.example/a.css"/>';
    expect(() => inlineStylesheets("/faq", doc(other, ""), read)).toThrow(/\/faq: a stylesheet not from the/);
  });

  it("keeps what the page may match while it is used, and a rule it cannot evaluate", () => {
    const body =
      '<h2 id="a">x</h2><div class="divide-y"><p>a</p><p>b</p></div><a href="/">h</a><div class="menu"></div>';
    const kept = [
      "[id]{a:1}",
      ":focus-visible{a:2}",
      ":where(.divide-y>:not(:last-child)){a:3}",
      "a:not(:hover){a:4}",
      ".menu:popover-open{a:5}",
      "::backdrop{a:6}",
      ".divide-y>p::marker{a:7}",
      "svg|a{a:8}",
      "@media (prefers-color-scheme:dark){a:hover{a:9}}",
    ];
    const dropped = [".x::before{b:1}", ":where(.space-y>p){b:2}", ".x:hover{b:3}", "@media print{.x{b:4}}"];
    const sheet: Record<string, string> = { "/_next/static/chunks/a.css": [...kept, ...dropped].join("") };
    const result = inlineStylesheets("/about", doc(LINK, body), (href) => sheet[href]);
    expect(/<style>([\s\S]*)<\/style>/.exec(result)?.[1]).toBe(kept.join(""));
  });

  it("refuses, naming the page, a stylesheet missing from the build", () => {
    const missing = '<link rel="stylesheet" href="/_next/static/chunks/gone.css"/>';
    expect(() => inlineStylesheets("/faq", doc(missing, ""), read)).toThrow(
      "script-free pages: /faq: its stylesheet /_next/static/chunks/gone.css is not in the build",
    );
  });

  it("refuses, naming the page, a stylesheet that does not parse", () => {
    const unparsed: Record<string, string> = { "/_next/static/chunks/a.css": "h1{color:red" };
    expect(() => inlineStylesheets("/about", doc(LINK, "<h1>x</h1>"), (href) => unparsed[href])).toThrow(
      /script-free pages: \/about: its stylesheet \/_next\/static\/chunks\/a.css does not parse/,
    );
  });
});

describe("dropUnreadProperties", () => {
  it("keeps what a style attribute or another kept property reads, and @property only when read", () => {
    const css =
      ":root{--a:1px;--b:var(--a);--c:2px;--d:3px}div{margin:var(--b)}" +
      "@property --c{syntax:'*';inherits:false}@property --e{syntax:'*';inherits:false}";
    expect(dropUnreadProperties(css, '<div style="padding:var(--c)"></div>')).toBe(
      ":root{--a:1px;--b:var(--a);--c:2px}div{margin:var(--b)}@property --c{syntax:'*';inherits:false}",
    );
  });
});
