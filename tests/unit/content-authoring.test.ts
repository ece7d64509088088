import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { byOrder, defineCollection, readEntry } from "@/lib/content/collection";
import {
  articles,
  caseStudies,
  caseStudiesFor,
  caseStudyService,
  getHome,
  getPage,
  products,
  services,
  site,
  type PageName,
} from "@/lib/content";
import { missingContactFacts, telHref } from "@/lib/content/contact";
import { closestKey } from "@/lib/content/errors";
import { ENTRY_KINDS, newEntryText, slugify, type EntryKind } from "@/lib/content/new-entry";
import { articleSchema, caseStudySchema, productSchema, serviceSchema, siteSchema } from "@/lib/content/schemas";
import { labelMessage } from "@/components/quote/label-message";
import { contactProperties } from "@/lib/seo/json-ld";
import { site as rawSite } from "@/content/site";

const fixtures = path.join(import.meta.dirname, "../fixtures/content");

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("case studies", () => {
  const collection = () =>
    defineCollection({ dir: path.join(fixtures, "case-studies"), schema: caseStudySchema, compare: byOrder });

  it("hides example entries in production (and prerenders the rest) and shows them in development", () => {
    vi.stubEnv("NODE_ENV", "production");
    expect(
      collection()
        .all()
        .map((entry) => entry.slug),
    ).toEqual(["a-real"]);
    expect(collection().get("b-example")).toBeUndefined();
    expect(collection().params()).toEqual([{ slug: "a-real" }]);
    vi.stubEnv("NODE_ENV", "development");
    expect(
      collection()
        .all()
        .map((entry) => entry.slug),
    ).toEqual(["b-example", "a-real"]);
    expect(collection().params()).toEqual([]);
  });

  it("ships the current examples as examples only, so a production build lists none", () => {
    const all = caseStudies.all({ includeDrafts: true });
    expect(all.length).toBeGreaterThanOrEqual(3);
    expect(all.every((entry) => entry.data.example)).toBe(true);
    vi.stubEnv("NODE_ENV", "production");
    expect(caseStudies.all()).toEqual([]);
    expect(caseStudiesFor("seo-tooling")).toEqual([]);
  });

  it("names real services, and a case study's service lists it in development", () => {
    vi.stubEnv("NODE_ENV", "development");
    for (const entry of caseStudies.all()) expect(caseStudyService(entry).slug).toBe(entry.data.service);
    expect(caseStudiesFor("seo-tooling").map((entry) => entry.slug)).toContain("agency-seo-audit-automation");
  });

  it("never claims a figure the sources do not give (the examples carry no metric or client quote)", () => {
    for (const entry of caseStudies.all({ includeDrafts: true })) {
      expect(entry.data.metric, entry.file).toBeUndefined();
      expect(entry.data.quote, entry.file).toBeUndefined();
    }
  });
});

describe("content errors for the owner", () => {
  it("suggests the closest known key for a misspelt one", () => {
    expect(() => readEntry(path.join(fixtures, "broken/typo-key.mdx"), serviceSchema)).toThrowError(
      /typo-key\.mdx[\s\S]*Unrecognized key: "technologis" \(did you mean "technologies"\?\)/,
    );
    expect(closestKey("autor", ["author", "title", "tags"])).toBe("author");
    expect(closestKey("zzzzzz", ["author", "title"])).toBeUndefined();
  });

  it("suggests keys inside nested objects too", () => {
    const article = {
      title: "T",
      description: "D",
      published: "2026-11-30",
      author: "A",
      heroImage: { src: "/x.png", alt: "x", width: 1, height: 1, credt: "me" },
    };
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "content-")), "nested-typo.mdx");
    fs.writeFileSync(file, `---\n${JSON.stringify(article)}\n---\n`);
    expect(() => readEntry(file, articleSchema)).toThrowError(
      /field "heroImage": Unrecognized key: "credt" \(did you mean "credit"\?\)/,
    );
  });

  it("fails on missing image files, naming the file and each field", () => {
    let message = "";
    try {
      readEntry(path.join(fixtures, "broken/missing-image.mdx"), articleSchema);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain("missing-image.mdx");
    expect(message).toContain('field "heroImage.src": no file public/images/articles/does-not-exist.png');
    expect(message).toContain('field "<Figure src> in the body": no file public/images/articles/also-missing.png');
  });

  it("in development sets a broken file aside: lists keep working, its own page gets the message", () => {
    vi.stubEnv("NODE_ENV", "development");
    const mixed = defineCollection({ dir: path.join(fixtures, "mixed"), schema: serviceSchema, compare: byOrder });
    expect(mixed.all().map((entry) => entry.slug)).toEqual(["a-good"]);
    expect(mixed.problems()).toEqual([
      expect.objectContaining({ slug: "b-broken", message: expect.stringContaining('"technologis"') }),
    ]);
    expect(() => mixed.get("b-broken")).toThrowError(/b-broken\.mdx[\s\S]*did you mean "technologies"/);
    expect(mixed.get("a-good")?.slug).toBe("a-good");
    // No prerender list in development: every page renders on request (a broken file's page shows its error).
    expect(mixed.params()).toEqual([]);
  });

  it("in production (the build) the same broken file fails the whole collection, naming file and field", () => {
    vi.stubEnv("NODE_ENV", "production");
    const mixed = defineCollection({ dir: path.join(fixtures, "mixed"), schema: serviceSchema, compare: byOrder });
    expect(() => mixed.all()).toThrowError(/b-broken\.mdx[\s\S]*field "\(frontmatter\)"[\s\S]*technologis/);
  });

  it("the site's own images (portrait, product visuals) exist", () => {
    expect(fs.existsSync(path.join("public", site.owner.portrait.src))).toBe(true);
    for (const product of products.all()) {
      expect(product.data.visual, product.file).toBeDefined();
      expect(fs.existsSync(path.join("public", product.data.visual!.src))).toBe(true);
      expect(product.data.visual!.alt).toMatch(/illustration/i);
    }
    expect(site.owner.portrait.alt).toMatch(/illustration/i);
  });
});

describe("npm run content:new", () => {
  const context = {
    title: "Ünïcode & Friends: a new thing",
    today: "2026-12-02",
    author: "Francois Schoeman",
    service: "seo-tooling",
  };
  const schemas = {
    article: articleSchema,
    service: serviceSchema,
    product: productSchema,
    "case-study": caseStudySchema,
  };

  it.each(Object.keys(ENTRY_KINDS) as EntryKind[])("writes a %s that passes its schema, as a draft", (kind) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "content-new-"));
    const file = path.join(dir, `${slugify(context.title)}.mdx`);
    fs.writeFileSync(file, newEntryText(kind, context));
    const entry = readEntry(file, schemas[kind]);
    expect(entry.slug).toBe("unicode-friends-a-new-thing");
    expect(entry.data.title).toBe(context.title);
    expect(entry.data.draft).toBe(true);
    expect(entry.body).toMatch(/^## /m);
  });

  it("runs as a command: writes the file, prints where and how to preview, refuses to overwrite", async () => {
    const { execFileSync } = await import("node:child_process");
    const title = `Content new check ${process.pid}`;
    const file = path.join("content/case-studies", `${slugify(title)}.mdx`);
    try {
      const out = execFileSync("npx", ["tsx", "lib/cli/content-new.ts", "case-study", title], { encoding: "utf8" });
      expect(out).toContain(`Wrote ${file}`);
      expect(out).toContain(`/case-studies/${slugify(title)}`);
      expect(readEntry(file, caseStudySchema).data.draft).toBe(true);
      expect(() =>
        execFileSync("npx", ["tsx", "lib/cli/content-new.ts", "case-study", title], { stdio: "pipe" }),
      ).toThrow(/already exists/);
    } finally {
      fs.rmSync(file, { force: true });
    }
  });
});

describe("contact facts", () => {
  it("are empty in content/site.ts: the sources give none, so none is invented", () => {
    expect(site.contact).toEqual({});
    expect(missingContactFacts(site.contact)).toEqual(["email", "phone", "linkedin", "github"]);
    expect(contactProperties(site.contact)).toEqual({});
  });

  it("validate each fact and name the bad one", () => {
    const bad = {
      ...rawSite,
      contact: { email: "not-an-email", linkedin: "https://example.com/me", phone: "082 123" },
    };
    const result = siteSchema.safeParse(bad);
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((issue) => issue.path.join("."))).toEqual(
      expect.arrayContaining(["contact.email", "contact.linkedin", "contact.phone"]),
    );
  });

  it("given, they become email, telephone and sameAs in the business JSON-LD", () => {
    const contact = siteSchema.parse({
      ...rawSite,
      contact: {
        email: "hello@fsdev.test",
        phone: "+27 21 000 0000",
        linkedin: "https://www.linkedin.com/in/fsdev-test",
        github: "https://github.com/fsdev-test",
      },
    }).contact;
    expect(contactProperties(contact)).toEqual({
      email: "hello@fsdev.test",
      telephone: "+27210000000",
      sameAs: ["https://www.linkedin.com/in/fsdev-test", "https://github.com/fsdev-test"],
    });
    expect(telHref(contact.phone!)).toBe("tel:+27210000000");
    expect(missingContactFacts(contact)).toEqual([]);
  });
});

describe("what search results show", () => {
  it("keeps every page title within 60 characters, the site name included", () => {
    const suffix = ` | ${site.name}`;
    const pages: PageName[] = ["about", "services", "products", "articles", "faq", "quote", "privacy", "not-found"];
    const entries = [
      ...services.all(),
      ...products.all(),
      ...articles.all(),
      ...caseStudies.all({ includeDrafts: true }),
      ...pages.map(getPage),
    ];
    for (const entry of entries) {
      const title = (entry.data.seo?.title ?? entry.data.title) + suffix;
      expect(title.length, `${entry.file}: "${title}"`).toBeLessThanOrEqual(60);
    }
    const home = getHome().data; // used as is, without the suffix
    expect((home.seo?.title ?? home.title).length).toBeLessThanOrEqual(60);
  });
});

describe("error summary wording", () => {
  it("does not double punctuation after a label that ends in a question mark", () => {
    expect(labelMessage("What can we help with?", "Please choose one.")).toBe(
      "What can we help with? Please choose one.",
    );
    expect(labelMessage("Your name", "Please enter your name.")).toBe("Your name: Please enter your name.");
  });
});
