import { expect, test } from "@playwright/test";
import { services } from "../../lib/content";
import { deskPaths } from "../../lib/routes";
import { DESK } from "../helpers/desk";

// Independent page checks: they spread over both workers (and their servers) instead of queueing on one.
test.describe.configure({ mode: "parallel" });

const routes: { path: string; h1: RegExp; facts: (string | RegExp)[] }[] = [
  {
    path: "/",
    h1: /./,
    facts: ["Straider.ai", "Shopify SEO Fixer", "Stilbaai", "Francois Schoeman", /Python/, /Django/],
  },
  { path: "/services", h1: /./, facts: ["SEO", "Automation", /Shopify/] },
  { path: "/services/custom-web-applications", h1: /./, facts: ["Python", "Django", "Next.js", "React"] },
  { path: "/services/seo-tooling", h1: /SEO/, facts: [] },
  { path: "/services/automation", h1: /utomation/, facts: [] },
  { path: "/services/ecommerce-optimisation", h1: /ommerce/, facts: ["Shopify"] },
  { path: "/products", h1: /./, facts: ["Straider.ai", "Shopify SEO Fixer"] },
  { path: "/products/straider-ai", h1: /Straider\.ai/, facts: [/feed/i] },
  { path: "/products/shopify-seo-fixer", h1: /Shopify SEO Fixer/, facts: [/SEO/] },
  {
    path: "/articles",
    h1: /./,
    facts: ["Understanding the role of back-end developers in modern software development"],
  },
  {
    path: "/articles/understanding-back-end-developers",
    h1: /Understanding the role of back-end developers in modern software development/,
    facts: ["Products you may like"],
  },
  { path: "/faq", h1: /./, facts: ["Stilbaai", "GRKK Web Presence", "Prebo Digital", "Straider.ai"] },
  { path: "/about", h1: /./, facts: ["Francois Schoeman", "GRKK Web Presence", "Prebo Digital", "Stilbaai"] },
  { path: "/privacy", h1: /./, facts: ["POPIA", "Information Regulator"] },
  { path: "/quote", h1: /./, facts: [] },
];

for (const route of routes) {
  test(`${route.path} renders one h1, its facts, landmarks and a quote call to action`, async ({ page }) => {
    const response = await page.goto(route.path);
    expect(response?.status()).toBe(200);
    await expect(page.locator("h1")).toHaveCount(1);
    await expect(page.locator("h1")).toHaveText(route.h1);
    const main = page.locator("main#main");
    for (const fact of route.facts) await expect(main.getByText(fact).first()).toBeVisible();
    await expect(page.getByRole("banner")).toHaveCount(1);
    await expect(page.getByRole("contentinfo")).toHaveCount(1);
    await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
    const quoteLinks = page.locator('a[href^="/quote"]');
    expect(await quoteLinks.count()).toBeGreaterThan(0);
    await expect(page).toHaveTitle(/FS Dev/);
  });
}

test("the article renders its table, callouts, hero credit and related products", async ({ page }) => {
  await page.goto("/articles/understanding-back-end-developers");
  const table = page.locator("main table");
  await expect(table.locator("th").first()).toHaveText("Responsibility");
  await expect(table.locator("th").nth(1)).toHaveText("Importance");
  await expect(table.locator("tbody tr")).toHaveCount(3);
  await expect(table).toContainText("Server-side logic");
  await expect(table).toContainText("API development");
  await expect(table).toContainText("Database management");
  await expect(page.locator('[data-callout="tip"]')).toBeVisible();
  await expect(page.locator('[data-callout="note"]')).toBeVisible();
  await expect(page.getByTestId("image-credit")).toHaveText(/\S/);
  // An SVG of our own, put into the page: no request, its alt text as its accessible name.
  const hero = page.locator("main figure svg[role=img]").first();
  await expect(hero).toHaveAttribute("aria-label", /\S/);
  expect((await hero.boundingBox())?.height).toBeGreaterThan(100);
  for (const heading of ["Security", "Scalability", "Collaboration", "Conclusion"]) {
    await expect(page.getByRole("heading", { level: 2, name: heading })).toBeVisible();
  }
  await expect(page.locator("#security")).toHaveCount(1);
  const related = page.getByRole("region", { name: "Products you may like" });
  await expect(related.getByRole("link", { name: "Straider.ai" })).toHaveAttribute("href", "/products/straider-ai");
  await expect(related.getByRole("link", { name: "Shopify SEO Fixer" })).toHaveAttribute(
    "href",
    "/products/shopify-seo-fixer",
  );
});

test("home carries every section the brief lists", async ({ page }) => {
  await page.goto("/");
  for (const id of ["services", "products", "different", "team", "showcase", "articles", "faq"]) {
    await expect(page.locator(`#${id}-heading`)).toBeVisible();
  }
  // The only case studies are examples, which a production build leaves out, band and all.
  await expect(page.locator("#case-studies-heading")).toHaveCount(0);
  await expect(page.getByTestId("quote-band-heading").or(page.locator("#quote-band-heading"))).toBeVisible();
});

test("the video loads nothing until played, renders its player and poster when near, and has a transcript", async ({
  page,
}) => {
  const requests: string[] = [];
  page.on("request", (request) => requests.push(request.url()));
  // Chromium draws a player's controls with SVG icons it loads as data: URLs, which only the protocol reports.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  const controlIcons: string[] = [];
  cdp.on("Network.requestWillBeSent", ({ request }) => {
    if (request.url.startsWith("data:image/svg+xml")) controlIcons.push(request.url);
  });
  await page.goto("/");
  await page.waitForLoadState("networkidle");
  // The player renders near the viewport only (.defer-player): its controls are not built with the page.
  expect(controlIcons).toEqual([]);
  // Farther below the fold than Chromium's widest lazy-loading margin (2,500 px), the lazy poster is not fetched
  // during the first load.
  const fold = page.viewportSize()!.height;
  expect(await page.locator("video").evaluate((video) => video.getBoundingClientRect().top)).toBeGreaterThan(
    fold + 2500,
  );
  expect(requests.filter((url) => url.includes("showcase-poster"))).toEqual([]);
  await page.locator("video").scrollIntoViewIfNeeded();
  await expect
    .poll(() =>
      page.getByTestId("video-poster").evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth > 0),
    )
    .toBe(true);
  await expect.poll(() => controlIcons.length).toBeGreaterThan(0);
  await page.waitForLoadState("networkidle");
  const video = page.locator("video");
  await expect(video).toHaveAttribute("preload", "none");
  await expect(video.locator("track[kind=captions]")).toHaveCount(1);
  expect(requests.filter((url) => url.endsWith(".mp4"))).toEqual([]);
  // Captions are offered, not on by default (their file is not fetched with the page); chosen, they load and show.
  expect(requests.filter((url) => url.endsWith(".vtt"))).toEqual([]);
  await video.evaluate((element: HTMLVideoElement) => {
    element.textTracks[0]!.mode = "showing";
  });
  await expect
    .poll(() => video.evaluate((element: HTMLVideoElement) => element.textTracks[0]!.cues?.[0]?.startTime ?? -1))
    .toBe(0);
  expect(
    await video.evaluate((element: HTMLVideoElement) => (element.textTracks[0]!.cues![0] as VTTCue).text),
  ).toContain("FS Dev");
  expect(requests.filter((url) => !url.startsWith("http://127.0.0.1"))).toEqual([]);
  await page.getByText("Read the transcript").click();
  await expect(page.getByTestId("video-transcript")).toContainText("Stilbaai");
});

test("unknown routes and unknown slugs give the 404 page", async ({ page }) => {
  for (const path of ["/no-such-page", "/services/no-such-service", "/products/nope", "/articles/nope"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.locator("h1")).toHaveCount(1);
    await expect(page.locator("main").getByRole("link", { name: /quote/i }).first()).toBeVisible();
  }
});

test("the 404 page has the public chrome; the desk has none of it (route groups, no CSS hiding)", async ({ page }) => {
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("banner")).toHaveCount(1);
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
  await expect(page.getByRole("contentinfo")).toHaveCount(1);
  await expect(page.getByRole("contentinfo")).toBeVisible();

  const desk = await page.goto(`${DESK}${deskPaths.signIn}`);
  expect(desk?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in to the desk");
  // Absent from the document, not merely hidden.
  await expect(page.getByRole("contentinfo", { includeHidden: true })).toHaveCount(0);
  await expect(page.locator("footer")).toHaveCount(0);
  await expect(page.getByTestId("quote-band")).toHaveCount(0);
  await expect(page.getByRole("navigation", { name: "Main", includeHidden: true })).toHaveCount(0);
});

test("keyboard: skip link first, then the main navigation works by keyboard", async ({ page }) => {
  await page.goto("/");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to main content" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#main$/);
  await page.goto("/");
  const nav = page.getByRole("navigation", { name: "Main" });
  const services = nav.getByRole("link", { name: "Services" });
  for (let i = 0; i < 10 && !(await services.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press("Tab");
  }
  await expect(services).toBeFocused();
  const outline = await services.evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).not.toBe("none");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/services$/);
  await expect(page.locator("h1")).toBeVisible();
  await expect(nav.getByRole("link", { name: "Services" })).toHaveAttribute("aria-current", "page");
});

test("security headers are sent with every page", async ({ request }) => {
  const response = await request.get("/");
  const headers = response.headers();
  expect(headers["content-security-policy"]).toContain("object-src 'none'");
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["content-security-policy"]).not.toContain("unsafe-eval");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["permissions-policy"]).toContain("camera=()");
  expect(headers["strict-transport-security"]).toContain("max-age=");
  expect(headers["x-powered-by"]).toBeUndefined();
  const quote = (await request.get("/quote")).headers();
  expect(quote["content-security-policy"]).toContain("form-action 'self'");
  // Opener isolation only where a signed-in owner works: on the public pages it would only slow the first paint.
  expect(headers["cross-origin-opener-policy"]).toBeUndefined();
  expect(quote["cross-origin-opener-policy"]).toBeUndefined();
  for (const path of ["/desk", "/desk/sign-in", "/desk/leads/FS-0000"]) {
    const desk = (await request.get(`${DESK}${path}`, { maxRedirects: 0 })).headers();
    expect(desk["cross-origin-opener-policy"], path).toBe("same-origin");
    expect(desk["x-robots-tag"], path).toBe("noindex, nofollow");
  }
});

test("a service page names each heading once, and its side card does not repeat the page's title", async ({ page }) => {
  for (const slug of services.all().map((service) => service.slug)) {
    await page.goto(`/services/${slug}`);
    const headings = await page.locator("main h1, main h2, main h3").allTextContents();
    const names = headings.map((text) => text.replace(/#$/, "").trim());
    const repeated = names.filter((name, index) => names.indexOf(name) !== index);
    expect(repeated, slug).toEqual([]);
  }
});
