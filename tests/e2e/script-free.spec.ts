import fs from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { originalFileOf, SCRIPT_FREE_MANIFEST, SCRIPT_FREE_ORIGINALS } from "../../lib/build/script-free-files.mjs";
import { contentSecurityPolicy } from "../../lib/server/security-headers";
import { hydrated } from "../helpers/hydrated";
import { publicRoutes } from "../helpers/routes";

// The build step (lib/build/script-free-adapter.mjs) serves content pages without the framework's runtime. The
// server here is the run's `next start` of that build; the documents as Next.js made them are in the build folder,
// and each is served in place of the rewritten one through page.route, so both are compared on the same server.
const distDir = process.env.NEXT_DIST_DIR ?? ".next";
const listed = JSON.parse(fs.readFileSync(path.join(distDir, SCRIPT_FREE_MANIFEST), "utf8")) as { pages: string[] };
const contentRoutes = publicRoutes.filter((route) => route !== "/quote");

const original = (route: string) =>
  fs.readFileSync(path.join(distDir, SCRIPT_FREE_ORIGINALS, originalFileOf(route)), "utf8");

/** What a visitor and a crawler get from a page: text, links, landmarks, headings, images, JSON-LD. */
function visible(page: Page) {
  return page.evaluate(() => {
    const trim = (text: string | null) => (text ?? "").replace(/\s+/g, " ").trim();
    const all = (selector: string) => [...document.querySelectorAll(selector)];
    return {
      title: document.title,
      text: trim(document.body.innerText),
      links: all("a[href]").map((a) => `${a.getAttribute("href")} ${trim(a.textContent)}`),
      landmarks: all("header, nav, main, aside, footer, section[aria-labelledby], [role]").map((element) =>
        [element.tagName, ...["role", "aria-label", "aria-labelledby"].map((name) => element.getAttribute(name))].join(
          " ",
        ),
      ),
      headings: all("h1, h2, h3, h4, h5, h6").map((h) => `${h.tagName} ${h.id} ${trim(h.textContent)}`),
      images: all("img, svg[role=img], video, track").map((element) =>
        [element.tagName, ...["src", "alt", "aria-label", "srclang"].map((name) => element.getAttribute(name))].join(
          " ",
        ),
      ),
      jsonLd: all('script[type="application/ld+json"]').map((script) => script.textContent),
    };
  });
}

/** Each way the pages are compared: both widths the layout changes between, in both colour schemes. */
const VIEWS = [390, 1280].flatMap((width) =>
  (["light", "dark"] as const).map((colorScheme) => ({ width, colorScheme })),
);

/**
 * Every element's computed style (and its ::before, ::after and ::marker where it has one) in each view, as one
 * digest per element: the rewritten page's inlined, cut stylesheet must give each element exactly what the full
 * stylesheet gives it. Custom properties are left out (the cut drops those nothing reads; what reads them shows), and
 * so are the sizes the browser resolves from layout (`content-visibility: auto` sections far below the fold get
 * theirs once rendered, whenever that is); what sets a size (padding, margins, fonts...) is compared.
 */
async function computedStyles(page: Page) {
  const views: Record<string, string[]> = {};
  for (const { width, colorScheme } of VIEWS) {
    await page.setViewportSize({ width, height: 900 });
    await page.emulateMedia({ colorScheme });
    views[`${colorScheme} ${width}px`] = await page.evaluate(() => {
      // A scheme change starts colour transitions: each is taken to its end, and a looping animation to its start.
      for (const animation of document.getAnimations()) {
        if (animation.effect?.getComputedTiming().iterations === Infinity) {
          animation.pause();
          animation.currentTime = 0;
        } else animation.finish();
      }
      const digest = (text: string) => {
        let hash = 0x811c9dc5;
        for (let i = 0; i < text.length; i += 1) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
        return (hash >>> 0).toString(36);
      };
      const style = (element: Element, pseudo?: string) => {
        const computed = getComputedStyle(element, pseudo);
        const laidOut = ["width", "height", "inline-size", "block-size", "perspective-origin", "transform-origin"];
        return [...computed]
          .filter((name) => !name.startsWith("--") && !laidOut.includes(name))
          .map((name) => computed.getPropertyValue(name))
          .join(";");
      };
      const skipped = ["SCRIPT", "LINK", "STYLE", "TEMPLATE"];
      return [...document.querySelectorAll("body, body *")]
        .filter((element) => !skipped.includes(element.tagName) && !element.tagName.includes("-"))
        .map((element, index) => {
          const parts = [style(element)];
          for (const pseudo of ["::before", "::after"]) {
            if (getComputedStyle(element, pseudo).content !== "none") parts.push(style(element, pseudo));
          }
          if (getComputedStyle(element).display === "list-item") parts.push(style(element, "::marker"));
          const name = `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ""}`;
          return `${index} ${name} ${element.className.toString().slice(0, 60)}: ${digest(parts.join("|"))}`;
        });
    });
  }
  await page.setViewportSize({ width: 1280, height: 720 });
  return views;
}

/** The views and elements whose computed style differs between two pages' snapshots. */
function styleDifferences(a: Record<string, string[]>, b: Record<string, string[]>) {
  return Object.entries(a).flatMap(([view, elements]) => {
    const other = b[view] ?? [];
    if (other.length !== elements.length) return [`${view}: ${elements.length} elements against ${other.length}`];
    return elements.flatMap((element, index) => (element === other[index] ? [] : [`${view}: ${element}`]));
  });
}

test("every content route is served without the framework's runtime; /quote keeps it", () => {
  expect([...listed.pages].sort()).toEqual([...contentRoutes].sort());
});

for (const route of contentRoutes) {
  test(`${route}: no script runs, and it shows what the page with the runtime shows after hydration`, async ({
    page,
  }) => {
    const requests: string[] = [];
    page.on("request", (request) => requests.push(request.url()));
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    page.on("console", (message) => message.type() === "error" && errors.push(message.text()));

    await page.goto(route, { waitUntil: "networkidle" });
    expect(
      requests.filter((url) => /\.js(\?|$)|\.rsc|_rsc=/.test(url)),
      "scripts or RSC requests",
    ).toEqual([]);
    const types = await page.evaluate(() => [...document.scripts].map((script) => script.type));
    expect(
      types.filter((type) => type !== "application/ld+json"),
      "scripts other than JSON-LD",
    ).toEqual([]);
    const without = await visible(page);
    expect(await page.locator('link[rel="stylesheet"]').count(), "stylesheet links").toBe(0);
    const withoutStyles = await computedStyles(page);

    // The same address, answered with the document as Next.js built it (and the policy its inline scripts need).
    await page.route(
      (url) => url.pathname === route,
      (request) =>
        request.fulfill({
          status: 200,
          contentType: "text/html; charset=utf-8",
          headers: { "content-security-policy": contentSecurityPolicy(true) },
          body: original(route),
        }),
    );
    await page.goto(route, { waitUntil: "networkidle" });
    await hydrated(page, "footer");
    expect(await visible(page)).toEqual(without);
    expect(styleDifferences(await computedStyles(page), withoutStyles), "elements styled otherwise").toEqual([]);
    expect(errors).toEqual([]);
  });
}

test("/quote still loads the runtime and hydrates its form", async ({ page }) => {
  await page.goto("/quote");
  await hydrated(page, "form");
  expect(await page.locator("script[src^='/_next/static/chunks/']").count()).toBeGreaterThan(0);
});
