import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { inlineSvg } from "@/lib/content/images";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "inline-svg-"));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
const svg = (name: string, markup: string) => {
  fs.writeFileSync(path.join(root, name), markup);
  return `/${name}`;
};
const image = (src: string) => ({ src, alt: "x", width: 1, height: 1 });

describe("inlineSvg", () => {
  it("gives the root the image role, the alt text escaped as its name, and the class", () => {
    const file = '<svg width="5" viewBox="0 0 10 10"><use href="#a"/><path fill="url(#g)" d="M0 0h1"/></svg>\n';
    const image = { src: svg("ok.svg", file), alt: 'A "quoted" <b> & more', width: 100, height: 100 };
    expect(inlineSvg(image, "w-full", root)).toBe(
      '<svg role="img" aria-label="A &quot;quoted&quot; &lt;b&gt; &amp; more" width="100" height="100" ' +
        'class="w-full" viewBox="0 0 10 10">' +
        '<use href="#a"/><path fill="url(#g)" d="M0 0h1"/></svg>',
    );
  });

  it.each([
    ["<svg><script>alert(1)</script></svg>", "a <script>"],
    ['<svg><rect onload="alert(1)"/></svg>', "an event handler attribute"],
    ['<svg><image href="https://example.com/x.png"/></svg>', "a link to another file"],
    ['<svg><rect style="fill:url(https://example.com/x)"/></svg>', "a url() to another file"],
    ["<svg><foreignObject><p>x</p></foreignObject></svg>", "a <foreignObject>"],
    ['<!DOCTYPE svg [<!ENTITY x "y">]><svg>&x;</svg>', "a DOCTYPE or entity"],
  ])("refuses, naming the file, an SVG holding %s", (markup, what) => {
    expect(() => inlineSvg(image(svg("bad.svg", markup)), "", root)).toThrow(
      `public/bad.svg: an SVG put into pages must not hold ${what}`,
    );
  });

  it("refuses a file that is not one <svg> element", () => {
    expect(() => inlineSvg(image(svg("two.svg", "<svg></svg><svg></svg>")), "", root)).toThrow(/not a single <svg>/);
    expect(() => inlineSvg(image(svg("html.svg", "<p>x</p>")), "", root)).toThrow(/not a single <svg>/);
  });
});
