import { expect, test, type Page } from "@playwright/test";
import { articles, faqs, getHome, getPage, products, services, site, type PageName } from "../../lib/content";
import { buildSiteURL } from "../../playwright.config";

// Independent page checks: they spread over both workers (and their servers) instead of queueing on one.
test.describe.configure({ mode: "parallel" });

/**
 * Search and sharing: metadata, JSON-LD, the Open Graph images, sitemap, robots.txt and the feed,
 * checked against the content files on disk (the same collections the site renders, drafts hidden).
 *
 * Every public page is static and carries the SITE_URL that `next build` saw: tests/run-all.sh builds with the
 * run's port (buildSiteURL), whichever worker's server answers (see playwright.config.ts).
 */
const SITE_URL = buildSiteURL;
const url = (path: string) => `${SITE_URL}${path}`;
/** A page's URL as a tag carries it; Next writes the home page's canonical without the trailing slash (equivalent). */
const pageUrls = (path: string) => (path === "/" ? [url("/"), SITE_URL] : [url(path)]);

type Route = {
  path: string;
  title: string;
  description: string;
  types: string[];
  absoluteTitle?: boolean;
  crumbs?: boolean;
};

function pageRoute(path: string, name: PageName, types: string[] = []): Route {
  const { data } = getPage(name);
  return { path, title: data.seo?.title ?? data.title, description: data.seo?.description ?? data.description, types };
}

const home = getHome().data;
const routes: Route[] = [
  {
    path: "/",
    title: home.seo?.title ?? home.title,
    description: home.seo?.description ?? home.description,
    types: ["ProfessionalService"],
    absoluteTitle: true,
  },
  pageRoute("/services", "services"),
  ...services.all().map((entry) => ({
    path: `/services/${entry.slug}`,
    title: entry.data.seo?.title ?? entry.data.title,
    description: entry.data.seo?.description ?? entry.data.description,
    types: ["Service", "BreadcrumbList"],
    crumbs: true,
  })),
  pageRoute("/products", "products"),
  ...products.all().map((entry) => ({
    path: `/products/${entry.slug}`,
    title: entry.data.seo?.title ?? entry.data.title,
    description: entry.data.seo?.description ?? entry.data.description,
    types: ["SoftwareApplication", "BreadcrumbList"],
    crumbs: true,
  })),
  pageRoute("/articles", "articles"),
  ...articles.all().map((entry) => ({
    path: `/articles/${entry.slug}`,
    title: entry.data.seo?.title ?? entry.data.title,
    description: entry.data.seo?.description ?? entry.data.description,
    types: ["Article", "BreadcrumbList"],
    crumbs: true,
  })),
  pageRoute("/faq", "faq", ["FAQPage"]),
  pageRoute("/about", "about", ["ProfessionalService"]),
  pageRoute("/privacy", "privacy"),
  pageRoute("/quote", "quote"),
];

type Node = Record<string, unknown>;
const str = (value: unknown) => (typeof value === "string" ? value : "");
const isSiteUrl = (value: unknown) =>
  typeof value === "string" && (value === SITE_URL || value.startsWith(`${SITE_URL}/`));

async function jsonLd(page: Page): Promise<Node[]> {
  const scripts = await page.locator('script[type="application/ld+json"]').allTextContents();
  return scripts.map((text) => {
    expect(text, "JSON-LD must not contain a raw <").not.toContain("<");
    return JSON.parse(text) as Node;
  });
}

/** Every URL anywhere in the data points at this site (SITE_URL), except @context and sameAs (a product's own site). */
function siteUrlsIn(node: unknown, key = ""): string[] {
  if (typeof node === "string")
    return /^https?:\/\//.test(node) && key !== "sameAs" && key !== "@context" ? [node] : [];
  if (Array.isArray(node)) return node.flatMap((item) => siteUrlsIn(item, key));
  if (node && typeof node === "object") return Object.entries(node).flatMap(([k, v]) => siteUrlsIn(v, k));
  return [];
}

function checkNode(node: Node, route: Route) {
  const type = str(node["@type"]);
  const where = `${route.path} ${type}`;
  expect(node["@context"], where).toBe("https://schema.org");
  for (const found of siteUrlsIn(node))
    expect(isSiteUrl(found), `${where}: ${found} should start with ${SITE_URL}`).toBe(true);
  switch (type) {
    case "ProfessionalService": {
      expect(node, where).toMatchObject({
        name: site.name,
        description: site.description,
        url: url("/"),
        areaServed: site.areaServed,
      });
      expect(node.founder, where).toMatchObject({ "@type": "Person", name: "Francois Schoeman" });
      expect(node.address, where).toMatchObject({
        "@type": "PostalAddress",
        addressLocality: "Stilbaai",
        addressRegion: "Western Cape",
        addressCountry: "ZA",
      });
      expect((node.knowsAbout as string[]).length, where).toBeGreaterThan(0);
      break;
    }
    case "Service": {
      const entry = services.get(route.path.split("/").pop()!)!;
      expect(node, where).toMatchObject({
        name: entry.data.title,
        description: entry.data.description,
        url: url(route.path),
      });
      expect(str(node.serviceType), where).not.toBe("");
      expect(node.provider, where).toMatchObject({ name: site.name, url: url("/") });
      break;
    }
    case "SoftwareApplication": {
      const entry = products.get(route.path.split("/").pop()!)!;
      expect(node, where).toMatchObject({
        name: entry.data.title,
        description: entry.data.description,
        applicationCategory: "BusinessApplication",
        operatingSystem: "Web",
        url: url(route.path),
      });
      expect(node.publisher ?? node.author, where).toMatchObject({ name: site.name });
      break;
    }
    case "FAQPage": {
      const entries = faqs.all();
      const questions = node.mainEntity as {
        "@type": string;
        name: string;
        acceptedAnswer: { "@type": string; text: string };
      }[];
      expect(
        questions.map((q) => q.name),
        where,
      ).toEqual(entries.map((entry) => entry.data.question));
      for (const question of questions) {
        expect(question["@type"], where).toBe("Question");
        expect(question.acceptedAnswer["@type"], where).toBe("Answer");
        expect(question.acceptedAnswer.text, where).toMatch(/\w{3,}/);
        expect(question.acceptedAnswer.text, `${where}: answer must be plain text`).not.toMatch(/\]\(|<[A-Za-z/]/);
      }
      break;
    }
    case "Article": {
      const entry = articles.get(route.path.split("/").pop()!)!;
      expect(node, where).toMatchObject({
        headline: entry.data.title,
        description: entry.data.description,
        datePublished: entry.data.published,
        dateModified: entry.data.updated ?? entry.data.published,
        author: { "@type": "Person", name: entry.data.author },
        publisher: { name: site.name },
        mainEntityOfPage: { "@id": url(route.path) },
      });
      const images = ([] as unknown[]).concat(node.image);
      expect(images.length, where).toBeGreaterThan(0);
      for (const image of images) expect(isSiteUrl(image), `${where}: image ${String(image)}`).toBe(true);
      break;
    }
    case "BreadcrumbList": {
      const items = node.itemListElement as { "@type": string; position: number; name: string; item: string }[];
      expect(
        items.map((item) => item.position),
        where,
      ).toEqual(items.map((_, index) => index + 1));
      expect(items[0]!.item, where).toBe(url("/"));
      expect(items.at(-1)!.item, where).toBe(url(route.path));
      break;
    }
    default:
      throw new Error(`${where}: unexpected JSON-LD type`);
  }
}

for (const route of routes) {
  test(`${route.path}: title, description, canonical, Open Graph, Twitter and JSON-LD come from the content`, async ({
    page,
    request,
  }) => {
    const response = await page.goto(route.path);
    expect(response?.status()).toBe(200);

    await expect(page).toHaveTitle(route.absoluteTitle ? route.title : `${route.title} | ${site.name}`);
    const meta = (selector: string) => page.locator(selector).first().getAttribute("content");
    expect(await meta('meta[name="description"]')).toBe(route.description);
    const canonical = await page.locator('link[rel="canonical"]').getAttribute("href");
    expect(
      pageUrls(route.path),
      `canonical ${canonical} = SITE_URL + path (was the build given the same SITE_URL as the server?)`,
    ).toContain(canonical);
    await expect(page.locator('link[rel="alternate"][type="application/rss+xml"]')).toHaveAttribute(
      "href",
      url("/feed.xml"),
    );
    await expect(page.locator('meta[name="robots"]')).toHaveCount(0);

    expect(await meta('meta[property="og:title"]')).toBe(route.title);
    expect(await meta('meta[property="og:description"]')).toBe(route.description);
    expect(pageUrls(route.path)).toContain(await meta('meta[property="og:url"]'));
    expect(await meta('meta[property="og:type"]')).toBe(route.path.startsWith("/articles/") ? "article" : "website");
    expect(await meta('meta[name="twitter:card"]')).toBe("summary_large_image");
    const ogImage = await meta('meta[property="og:image"]');
    expect(isSiteUrl(ogImage), `og:image ${ogImage}`).toBe(true);
    const image = await request.get(ogImage!);
    expect(image.status(), ogImage!).toBe(200);
    expect(image.headers()["content-type"]).toBe("image/png");
    expect((await image.body()).subarray(1, 4).toString()).toBe("PNG");
    expect(await meta('meta[name="twitter:image"]')).toBe(ogImage);

    if (route.path.startsWith("/articles/")) {
      const entry = articles.get(route.path.split("/").pop()!)!;
      expect(await meta('meta[property="article:published_time"]')).toBe(entry.data.published);
      expect(await meta('meta[property="article:modified_time"]')).toBe(entry.data.updated ?? entry.data.published);
    }

    const nodes = await jsonLd(page);
    expect(nodes.map((node) => node["@type"]).sort()).toEqual([...route.types].sort());
    for (const node of nodes) checkNode(node, route);

    if (route.crumbs) {
      const visible = await page.getByRole("navigation", { name: "Breadcrumb" }).locator("li").allInnerTexts();
      const list = nodes.find((node) => node["@type"] === "BreadcrumbList")!;
      const names = (list.itemListElement as { name: string }[]).map((item) => item.name);
      expect(names).toEqual(visible.map((text) => text.replace(/\s*\/\s*$/, "").trim()));
    }
  });
}

/** Parses XML in the browser (DOMParser), returning a parse error, if any, and the text of the selected elements. */
async function parseXml(page: Page, xml: string, selector: string) {
  return page.evaluate(
    ([source, query]) => {
      const doc = new DOMParser().parseFromString(source, "application/xml");
      const error = doc.getElementsByTagName("parsererror")[0]?.textContent ?? null;
      return {
        error,
        root: doc.documentElement.nodeName,
        values: Array.from(doc.querySelectorAll(query), (node) => node.textContent ?? ""),
      };
    },
    [xml, selector] as const,
  );
}

test("the sitemap lists exactly the published pages, with absolute URLs and content dates", async ({
  page,
  request,
}) => {
  const response = await request.get("/sitemap.xml");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("xml");
  const xml = await response.text();
  const { error, root, values } = await parseXml(page, xml, "url > loc");
  expect(error).toBeNull();
  expect(root).toBe("urlset");
  expect([...values].sort()).toEqual(routes.map((route) => url(route.path)).sort());
  expect(new Set(values).size).toBe(values.length);

  const lastmod = await page.evaluate((source) => {
    const doc = new DOMParser().parseFromString(source, "application/xml");
    return Object.fromEntries(
      Array.from(doc.querySelectorAll("url"), (node) => [
        node.querySelector("loc")?.textContent,
        node.querySelector("lastmod")?.textContent ?? null,
      ]),
    ) as Record<string, string | null>;
  }, xml);
  const entryDates: [string, string | undefined][] = [
    ...services.all().map((e): [string, string | undefined] => [`/services/${e.slug}`, e.data.updated]),
    ...products.all().map((e): [string, string | undefined] => [`/products/${e.slug}`, e.data.updated]),
    ...articles
      .all()
      .map((e): [string, string | undefined] => [`/articles/${e.slug}`, e.data.updated ?? e.data.published]),
  ];
  for (const [path, date] of entryDates) expect(lastmod[url(path)], path).toBe(date ?? null);
  for (const date of Object.values(lastmod)) if (date) expect(date).toMatch(/^\d{4}-\d{2}-\d{2}/);
});

test("robots.txt allows crawling and names the sitemap", async ({ request }) => {
  const response = await request.get("/robots.txt");
  expect(response.status()).toBe(200);
  const text = await response.text();
  expect(text).toMatch(/^User-Agent: \*$/m);
  expect(text).toMatch(/^Allow: \/$/m);
  expect(text).not.toMatch(/^Disallow: \/\s*$/m);
  expect(text).toContain(`Sitemap: ${url("/sitemap.xml")}`);
});

test("the feed is well-formed RSS with every published article", async ({ page, request }) => {
  const response = await request.get("/feed.xml");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("application/rss+xml");
  const xml = await response.text();
  const titles = await parseXml(page, xml, "channel > item > title");
  expect(titles.error).toBeNull();
  expect(titles.root).toBe("rss");
  expect(titles.values).toEqual(articles.all().map((article) => article.data.title));
  const links = await parseXml(page, xml, "channel > item > link");
  expect(links.values).toEqual(articles.all().map((article) => url(`/articles/${article.slug}`)));
  const dates = await parseXml(page, xml, "channel > item > pubDate");
  for (const date of dates.values) expect(Number.isNaN(Date.parse(date))).toBe(false);
});

test("the icon is served and linked", async ({ page, request }) => {
  await page.goto("/");
  const href = await page.locator('link[rel="icon"]').first().getAttribute("href");
  const response = await request.get(href!);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("image/svg+xml");
});

test("the 404 page is not indexed", async ({ page }) => {
  for (const path of ["/no-such-page", "/services/no-such-service", "/articles/nope"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    const robots = await page
      .locator('meta[name="robots"]')
      .evaluateAll((nodes) => nodes.map((node) => node.getAttribute("content") ?? ""));
    expect(robots.length, path).toBeGreaterThan(0);
    expect(
      robots.every((content) => content.includes("noindex")),
      path,
    ).toBe(true);
    await expect(page.locator('link[rel="canonical"]'), path).toHaveCount(0);
  }
});

test("an address whose percent-encoding does not decode gets the 404 page, not a server error", async ({ request }) => {
  for (const path of ["/articles/%E0%A4%A", "/services/%E0%A4%A", "/case-studies/%E0%A4%A", "/desk/leads/%E0%A4%A"]) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(404);
    expect(await response.text(), path).toContain("<footer");
  }
});
