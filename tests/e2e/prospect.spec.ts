import { expect, test, type Page } from "@playwright/test";
import { articles, caseStudies, products, services, site } from "../../lib/content";
import { uniqueIp } from "../helpers/e2e-server";
import { publicRoutes } from "../helpers/routes";

/**
 * What a prospect sees on the production build: no example or internal copy, one call to action per
 * page region, contact links only for facts that are given (none are), heading self-links that stay
 * out of sight until hover or focus, a grid without holes, visuals that do not shift the layout.
 */
const routes = publicRoutes;

/** Words that belong to notes for the owner or to example entries, never to a visitor's page. */
const INTERNAL = /illustrative|the owner will|placeholder|lorem ipsum|\bTODO\b|\bexample:|\bExample\b/;

test("no page shows example or internal copy, and example case studies do not exist", async ({ page, request }) => {
  for (const path of routes) {
    await page.goto(path);
    const text = await page.locator("body").innerText();
    expect(text, path).not.toMatch(INTERNAL);
    await expect(page.getByTestId("entry-badge"), path).toHaveCount(0);
  }
  const examples = caseStudies.all({ includeDrafts: true }).filter((entry) => entry.data.example);
  expect(examples.length).toBeGreaterThan(0);
  for (const entry of examples) {
    expect((await request.get(`/case-studies/${entry.slug}`)).status(), entry.slug).toBe(404);
  }
  const sitemap = await (await request.get("/sitemap.xml")).text();
  expect(sitemap).not.toContain("/case-studies/");
});

test("one call-to-action block per page, at its foot, preselected for a service or product; none on /quote", async ({
  page,
}) => {
  for (const path of routes) {
    await page.goto(path);
    const bands = page.getByTestId("quote-band");
    const heading = page.getByText(site.cta.heading, { exact: true });
    if (path === "/quote") {
      await expect(bands, path).toHaveCount(0);
      await expect(heading, path).toHaveCount(0);
      continue;
    }
    await expect(bands, path).toHaveCount(1);
    await expect(heading, path).toHaveCount(1);
    const href = await bands.getByRole("link").getAttribute("href");
    const [, section, slug] = path.split("/");
    if (slug && section === "services") expect(href, path).toBe(`/quote?interest=service%3A${slug}`);
    else if (slug && section === "products") expect(href, path).toBe(`/quote?interest=product%3A${slug}`);
    else expect(href, path).toBe("/quote");
  }
});

test("contact links are absent while content/site.ts gives no contact facts", async ({ page }) => {
  for (const path of ["/", "/about"]) {
    await page.goto(path);
    await expect(page.getByTestId("contact-list")).toHaveCount(0);
    await expect(
      page.locator('a[href^="mailto:"], a[href^="tel:"], a[href*="linkedin.com"], a[href*="github.com"]'),
    ).toHaveCount(0);
    const jsonLd = await page.locator('script[type="application/ld+json"]').allTextContents();
    const business = jsonLd.map((text) => JSON.parse(text)).find((data) => data["@type"] === "ProfessionalService");
    expect(business, path).toBeDefined();
    expect(business).not.toHaveProperty("email");
    expect(business).not.toHaveProperty("sameAs");
  }
});

/** The "#" of a heading self-link: its opacity, which is 0 until hover or keyboard focus. */
const markOpacity = (page: Page, selector: string) =>
  page.locator(selector).evaluate((element) => getComputedStyle(element, "::after").opacity);

test("heading anchors stay hidden until hover or focus, and are reachable by keyboard", async ({ page }) => {
  await page.goto(`/articles/${articles.all()[0]!.slug}`);
  const anchor = page.locator("h2 > a.heading-anchor").first();
  const heading = page.locator("h2:has(> a.heading-anchor)").first();
  await expect(anchor).toHaveAttribute("href", /^#.+/);
  // Named by the heading's text alone: the "#" adds nothing for a screen reader.
  await expect(anchor).toHaveAccessibleName((await heading.innerText()).trim());
  expect(await markOpacity(page, "h2 > a.heading-anchor >> nth=0")).toBe("0");
  await anchor.hover();
  expect(await markOpacity(page, "h2 > a.heading-anchor >> nth=0")).toBe("1");
  await page.mouse.move(0, 0);
  expect(await markOpacity(page, "h2 > a.heading-anchor >> nth=0")).toBe("0");
  let reached = false;
  for (let i = 0; i < 80 && !reached; i++) {
    await page.keyboard.press("Tab");
    reached = await page.evaluate(() => document.activeElement?.classList.contains("heading-anchor") ?? false);
  }
  expect(reached, "a heading anchor takes keyboard focus").toBe(true);
  expect(await page.evaluate(() => getComputedStyle(document.activeElement!, "::after").opacity)).toBe("1");
});

test("the differentiators fill every row: no hole in the grid", async ({ page }) => {
  for (const width of [1280, 900]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto("/");
    const list = page.locator("#different-heading ~ div ul").first();
    await list.scrollIntoViewIfNeeded();
    const gaps = await list.evaluate((ul) => {
      const right = ul.getBoundingClientRect().right;
      const rows = new Map<number, number>();
      for (const li of ul.children) {
        const box = li.getBoundingClientRect();
        rows.set(Math.round(box.top), Math.max(rows.get(Math.round(box.top)) ?? 0, box.right));
      }
      return [...rows.values()].map((rowRight) => Math.round(right - rowRight));
    });
    expect(gaps.length, `rows at ${width}px`).toBeGreaterThan(1);
    for (const gap of gaps) expect(gap, `space left at the end of a row at ${width}px`).toBeLessThanOrEqual(1);
  }
});

test("home links to the articles", async ({ page }) => {
  await page.goto("/");
  const band = page.getByRole("region", { name: /blog/i });
  await expect(band.getByRole("link", { name: articles.all()[0]!.data.title })).toHaveAttribute(
    "href",
    `/articles/${articles.all()[0]!.slug}`,
  );
  await expect(band.getByRole("link", { name: "All articles" })).toHaveAttribute("href", "/articles");
});

/** Sum of layout shifts during load and a scroll to the bottom. */
async function layoutShift(page: Page, path: string): Promise<number> {
  type Shift = { value: number; hadRecentInput: boolean };
  type Observed = { __cls: number; __shifts: PerformanceObserver };
  await page.addInitScript(() => {
    const w = window as unknown as Observed;
    w.__cls = 0;
    w.__shifts = new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as unknown as Shift[]) if (!entry.hadRecentInput) w.__cls += entry.value;
    });
    w.__shifts.observe({ type: "layout-shift", buffered: true });
  });
  await page.goto(path);
  await page.waitForLoadState("networkidle");
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  // The images the scroll brought into view (lazy ones load now) have loaded, and two frames were drawn...
  await expect
    .poll(() =>
      page.evaluate(() =>
        [...document.images]
          .filter((img) => img.getBoundingClientRect().bottom > 0 && img.getBoundingClientRect().top < innerHeight)
          .every((img) => img.complete),
      ),
    )
    .toBe(true);
  return page.evaluate(async () => {
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    // ...and the shifts of those frames not yet handed to the callback are taken now.
    const w = window as unknown as Observed;
    for (const entry of w.__shifts.takeRecords() as unknown as Shift[])
      if (!entry.hadRecentInput) w.__cls += entry.value;
    return w.__cls;
  });
}

test("the portrait and product visuals are sized images with alt text, and nothing shifts", async ({ page }) => {
  await page.goto("/about");
  const portrait = page.getByRole("img", { name: /illustration.*portrait/i });
  await expect(portrait).toHaveAttribute("width", String(site.owner.portrait.width));
  await expect(portrait).toHaveAttribute("height", String(site.owner.portrait.height));
  expect(await portrait.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  for (const product of products.all()) {
    await page.goto(`/products/${product.slug}`);
    // An SVG of our own is put into the page as markup, with the size its frontmatter gives.
    const visual = page.locator("main figure").getByRole("img", { name: product.data.visual!.alt });
    await expect(visual).toHaveAttribute("width", String(product.data.visual!.width));
    const box = await visual.boundingBox();
    expect(box!.width / box!.height).toBeCloseTo(product.data.visual!.width / product.data.visual!.height, 1);
    if (product.data.url) await expect(page.getByTestId("product-site")).toHaveAttribute("href", product.data.url);
    else await expect(page.getByTestId("product-site")).toHaveCount(0);
  }
  for (const path of ["/", "/about", `/products/${products.all()[0]!.slug}`]) {
    expect(await layoutShift(page, path), path).toBe(0);
  }
});

test("the error summary does not double punctuation, and budgets say what currency they are in", async ({
  page,
  context,
}) => {
  await context.setExtraHTTPHeaders({ "X-Forwarded-For": uniqueIp() });
  await page.goto("/quote");
  await expect(page.getByText(/South African rand/)).toBeVisible();
  await page.getByRole("button", { name: "Send request" }).click();
  const summary = page.getByTestId("form-status");
  await expect(summary).toContainText("What can we help with? ");
  expect(await summary.innerText()).not.toMatch(/[?!.]:/);
});

test("titles fit in search results (60 characters at most)", async ({ page }) => {
  for (const path of [
    "/",
    "/services",
    `/services/${services.all()[0]!.slug}`,
    `/articles/${articles.all()[0]!.slug}`,
  ]) {
    await page.goto(path);
    const title = await page.title();
    expect(title.length, `${path}: ${title}`).toBeLessThanOrEqual(60);
  }
});
