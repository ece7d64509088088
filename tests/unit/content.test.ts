import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ContentError, byOrder, defineCollection, readEntry } from "@/lib/content/collection";
import { PRIVACY_REQUEST_PATH } from "@/lib/routes";
import {
  articles,
  faqs,
  getHome,
  getPage,
  products,
  relatedProducts,
  services,
  site,
  type PageName,
} from "@/lib/content";
import { serviceSchema, siteSchema } from "@/lib/content/schemas";
import { site as rawSite } from "@/content/site";

const fixtures = path.join(import.meta.dirname, "../fixtures/content");

describe("the real content", () => {
  it("names the agency background on about, in the FAQ answer and once on home, as experience, not a day job", () => {
    const count = (text: string) => text.split("GRKK Web Presence").length - 1;
    const home = getHome();
    const { video, ...sections } = home.data;
    expect(count(JSON.stringify(sections) + home.body)).toBe(1);
    // The video's slide shows the sentence, so its captions and transcript keep it word for word.
    const captions = fs.readFileSync("public/media/fs-dev-showcase.en.vtt", "utf8");
    expect(count(video.transcript)).toBe(1);
    expect(count(captions)).toBe(1);
    expect(count(getPage("about").body)).toBe(1);
    const answer = faqs.all().find((entry) => entry.slug === "what-is-francois-schoemans-background")!;
    expect(count(answer.body)).toBe(1);
    const elsewhere = [...services.all(), ...products.all(), ...articles.all()].filter((entry) => count(entry.body));
    expect(elsewhere.map((entry) => entry.file)).toEqual([]);
    const pages = [JSON.stringify(sections), home.body, getPage("about").body, answer.body].join("\n");
    expect(pages).not.toContain("works at Prebo Digital");
  });

  it("says what is true of the IP hash: keyed, reversible by whoever holds the key, not 'one-way'", async () => {
    const { quoteForm } = await import("@/content/quote-form");
    const privacy = getPage("privacy").body;
    for (const text of [privacy, quoteForm.consentNotice]) {
      expect(text).not.toMatch(/cannot be turned back|one-way|irreversibl|anonymi[sz]/i);
      expect(text).toMatch(/keyed hash of your IP address/i);
    }
    expect(privacy).toMatch(/key[^.]*(try|trying) every possible address/i);
    expect(quoteForm.consentVersion).not.toBe("2026-11-24");
  });

  it("has at least four services, including the four the brief names", () => {
    const slugs = services.all().map((entry) => entry.slug);
    expect(slugs.length).toBeGreaterThanOrEqual(4);
    expect(slugs).toEqual(
      expect.arrayContaining(["custom-web-applications", "seo-tooling", "automation", "ecommerce-optimisation"]),
    );
    const web = services.get("custom-web-applications")!;
    expect(web.data.technologies).toEqual(expect.arrayContaining(["Python", "Django", "Next.js", "React"]));
  });

  it("has both products", () => {
    expect(products.all().map((entry) => entry.data.title)).toEqual(["Straider.ai", "Shopify SEO Fixer"]);
  });

  it("has the back-end article with its table, callouts and hero credit", () => {
    const article = articles.get("understanding-back-end-developers")!;
    expect(article.data.title).toBe("Understanding the role of back-end developers in modern software development");
    expect(article.data.heroImage.credit).toBeTruthy();
    expect(fs.existsSync(path.join("public", article.data.heroImage.src))).toBe(true);
    expect(article.body).toMatch(/\| *Responsibility *\| *Importance *\|/);
    expect(article.body).toMatch(/<Callout tone="tip"/);
    for (const heading of ["Security", "Scalability", "Collaboration", "Conclusion"]) {
      expect(article.body).toMatch(new RegExp(`^## ${heading}`, "m"));
    }
    expect(relatedProducts(article).map((entry) => entry.slug)).toEqual(["straider-ai", "shopify-seo-fixer"]);
  });

  it("has the five FAQ entries in order", () => {
    const questions = faqs.all().map((entry) => entry.data.question);
    expect(questions).toHaveLength(5);
    expect(questions[0]).toMatch(/specialise/i);
    expect(questions[3]).toMatch(/based/i);
  });

  it("loads every plain page and the home page", () => {
    const names: PageName[] = ["about", "services", "products", "articles", "faq", "quote", "privacy", "not-found"];
    for (const name of names) expect(getPage(name).data.heading.length).toBeGreaterThan(0);
    const home = getHome().data;
    expect(home.differentiators.items.length).toBeGreaterThanOrEqual(3);
    expect(home.caseStudies.heading.length).toBeGreaterThan(0);
    for (const file of [home.video.src, home.video.poster, home.video.captions]) {
      expect(fs.existsSync(path.join("public", file)), file).toBe(true);
    }
  });

  it("states the business facts in site.ts", () => {
    expect(site.name).toBe("FS Dev");
    expect(site.owner.name).toBe("Francois Schoeman");
    expect(site.location.locality).toBe("Stilbaai");
    expect(site.location.country).toBe("South Africa");
    expect(site.navigation.map((item) => item.href)).toContain("/services");
  });

  it("keeps every internal link in content pointing at a real route", () => {
    const routes = new Set([
      "/",
      "/services",
      "/products",
      "/articles",
      "/faq",
      "/about",
      "/quote",
      "/privacy",
      PRIVACY_REQUEST_PATH,
      ...services.all().map((entry) => `/services/${entry.slug}`),
      ...products.all().map((entry) => `/products/${entry.slug}`),
      ...articles.all().map((entry) => `/articles/${entry.slug}`),
    ]);
    const bodies = [
      ...services.all(),
      ...products.all(),
      ...articles.all(),
      ...faqs.all(),
      ...(["about", "services", "products", "articles", "faq", "quote", "privacy", "not-found"] as const).map((name) =>
        getPage(name),
      ),
    ];
    for (const entry of bodies) {
      for (const match of entry.body.matchAll(/\]\((\/[^)\s#]*)/g)) {
        expect(routes.has(match[1]!.replace(/\/$/, "") || "/"), `${entry.file} links to ${match[1]}`).toBe(true);
      }
    }
  });
});

describe("schema errors name the file and the field", () => {
  it("reports a missing required field", () => {
    expect(() => readEntry(path.join(fixtures, "broken/missing-title.mdx"), serviceSchema)).toThrowError(
      /tests\/fixtures\/content\/broken\/missing-title\.mdx[\s\S]*field "title"/,
    );
  });

  it("reports every wrong field at once", () => {
    let message = "";
    try {
      readEntry(path.join(fixtures, "broken/bad-types.mdx"), serviceSchema);
    } catch (error) {
      expect(error).toBeInstanceOf(ContentError);
      message = (error as Error).message;
    }
    expect(message).toContain("bad-types.mdx");
    expect(message).toContain('field "order"');
    expect(message).toContain('field "technologies"');
    expect(message).toContain('field "updated"');
    expect(message).toContain("YYYY-MM-DD");
  });

  it("rejects unknown fields (a typo never passes silently)", () => {
    expect(() => readEntry(path.join(fixtures, "broken/unknown-field.mdx"), serviceSchema)).toThrowError(
      /unknown-field\.mdx[\s\S]*colour/,
    );
  });

  it("rejects an h1 in a body (the title is the page's only h1)", () => {
    expect(() => readEntry(path.join(fixtures, "broken/h1-in-body.mdx"), serviceSchema)).toThrowError(
      /h1-in-body\.mdx[\s\S]*## for headings/,
    );
  });

  it("reports broken YAML with the file name", () => {
    expect(() => readEntry(path.join(fixtures, "broken/bad-yaml.mdx"), serviceSchema)).toThrowError(/bad-yaml\.mdx/);
  });

  it("rejects a file name that is not a clean slug", () => {
    const dir = fs.mkdtempSync(path.join(fs.realpathSync("/tmp"), "content-"));
    const file = path.join(dir, "Bad Name.mdx");
    fs.copyFileSync(path.join(fixtures, "listing/b-second.mdx"), file);
    expect(() => readEntry(file, serviceSchema)).toThrowError(/Invalid file name/);
    fs.rmSync(dir, { recursive: true });
  });

  it("validates site.ts and names the bad field", () => {
    const broken = { ...rawSite, location: { ...rawSite.location, countryCode: "ZAF" } };
    const result = siteSchema.safeParse(broken);
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.path).toEqual(["location", "countryCode"]);
  });
});

describe("listing, ordering and drafts", () => {
  const collection = defineCollection({ dir: path.join(fixtures, "listing"), schema: serviceSchema, compare: byOrder });

  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it("orders by the order field and derives slugs from file names", () => {
    expect(collection.all({ includeDrafts: false }).map((entry) => entry.slug)).toEqual([
      "c-first",
      "b-second",
      "a-third",
    ]);
  });

  it("hides drafts in production", () => {
    vi.stubEnv("NODE_ENV", "production");
    expect(collection.all().map((entry) => entry.slug)).not.toContain("d-draft");
    expect(collection.get("d-draft")).toBeUndefined();
  });

  it("shows drafts in development, first by order", () => {
    vi.stubEnv("NODE_ENV", "development");
    expect(collection.all()[0]!.slug).toBe("d-draft");
    expect(collection.get("d-draft")?.data.title).toBe("Delta draft");
  });

  it("applies schema defaults", () => {
    const entry = collection.get("b-second", { includeDrafts: true })!;
    expect(entry.data.draft).toBe(false);
    expect(entry.body.trim()).toBe("Beta body.");
  });
});
