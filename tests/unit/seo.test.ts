import { afterEach, describe, expect, it, vi } from "vitest";
import { articles, faqs, products, services, site, type Entry } from "@/lib/content";
import type { Article, Faq } from "@/lib/content/schemas";
import { entryCrumbs, ogImagePath, pageMetadata } from "@/lib/seo";
import { buildRssFeed, escapeXml, rfc822 } from "@/lib/seo/feed";
import {
  articleJsonLd,
  breadcrumbJsonLd,
  faqPageJsonLd,
  knowsAbout,
  organizationId,
  organizationJsonLd,
  serializeJsonLd,
  serviceJsonLd,
  softwareApplicationJsonLd,
  type JsonLdContext,
} from "@/lib/seo/json-ld";
import { mdxToPlainText } from "@/lib/seo/plain-text";
import { newest, publishedRoutes } from "@/lib/seo/routes";
import { absoluteUrl, siteUrl } from "@/lib/server/site-url";

const base = new URL("https://www.fsdev.example");
const ctx: JsonLdContext = { site, base };
const isAbsolute = (value: unknown) => typeof value === "string" && /^https:\/\/www\.fsdev\.example\//.test(value);

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("site URL", () => {
  it("defaults to http://localhost:3000 and follows SITE_URL", () => {
    vi.stubEnv("SITE_URL", "");
    expect(siteUrl().origin).toBe("http://localhost:3000");
    vi.stubEnv("SITE_URL", "https://www.fsdev.example");
    expect(absoluteUrl("/services")).toBe("https://www.fsdev.example/services");
    expect(absoluteUrl("/")).toBe("https://www.fsdev.example/");
  });
});

describe("page metadata", () => {
  it("has a canonical URL, the feed link, Open Graph and Twitter tags with an absolute image", () => {
    vi.stubEnv("SITE_URL", "https://www.fsdev.example");
    const meta = pageMetadata({ title: "Services", description: "What we build", path: "/services" });
    expect(meta.alternates?.canonical).toBe("https://www.fsdev.example/services");
    expect(meta.alternates?.types).toHaveProperty("application/rss+xml");
    expect(meta.openGraph).toMatchObject({
      title: "Services",
      description: "What we build",
      url: "https://www.fsdev.example/services",
      type: "website",
    });
    expect(meta.openGraph?.images).toEqual([
      expect.objectContaining({ url: "https://www.fsdev.example/opengraph-image", width: 1200, height: 630 }),
    ]);
    expect(meta.twitter).toMatchObject({ card: "summary_large_image", title: "Services" });
  });

  it("gives an article its own image, og:type article and its dates; SEO overrides win", () => {
    vi.stubEnv("SITE_URL", "https://www.fsdev.example");
    const meta = pageMetadata({
      title: "Long title",
      description: "Long description",
      seo: { title: "Short", description: "Shorter" },
      path: "/articles/a",
      type: "article",
      publishedTime: "2026-11-24",
      modifiedTime: "2026-12-01",
      ownImage: true,
    });
    expect(meta.title).toBe("Short");
    expect(meta.description).toBe("Shorter");
    expect(meta.openGraph).toMatchObject({ type: "article", publishedTime: "2026-11-24", modifiedTime: "2026-12-01" });
    expect(meta.openGraph?.images).toEqual([
      expect.objectContaining({ url: "https://www.fsdev.example/articles/a/opengraph-image" }),
    ]);
    expect(ogImagePath("/")).toBe("/opengraph-image");
  });
});

describe("JSON-LD builders", () => {
  it("escape < so no content can close the script element", () => {
    const json = serializeJsonLd({
      "@context": "https://schema.org",
      "@type": "Thing",
      name: "</script><script>alert(1)</script>",
    });
    expect(json).not.toContain("<");
    expect(json).toContain("\\u003c/script>");
    expect(JSON.parse(json).name).toBe("</script><script>alert(1)</script>");
  });

  it("describe the business with founder, address, area served and topics from the content", () => {
    const topics = knowsAbout(services.all(), articles.all());
    const org = organizationJsonLd(ctx, { knowsAbout: topics, image: "/opengraph-image" });
    expect(org).toMatchObject({
      "@context": "https://schema.org",
      "@type": "ProfessionalService",
      "@id": organizationId(base),
      name: site.name,
      description: site.description,
      url: "https://www.fsdev.example/",
      founder: { "@type": "Person", name: "Francois Schoeman" },
      address: {
        "@type": "PostalAddress",
        addressLocality: "Stilbaai",
        addressRegion: "Western Cape",
        addressCountry: "ZA",
      },
      areaServed: site.areaServed,
    });
    expect(topics).toEqual(expect.arrayContaining(["Python", "Django", "Next.js", "React", "SEO tooling"]));
    expect(new Set(topics.map((topic) => topic.toLowerCase())).size).toBe(topics.length);
  });

  it("describe every service with its provider", () => {
    for (const service of services.all()) {
      const data = serviceJsonLd(service, ctx);
      expect(data).toMatchObject({
        "@type": "Service",
        name: service.data.title,
        description: service.data.description,
      });
      expect(data.serviceType).toEqual(expect.any(String));
      expect(data.url).toBe(`https://www.fsdev.example/services/${service.slug}`);
      expect(data.provider).toMatchObject({ "@id": organizationId(base), name: site.name });
    }
    expect(serviceJsonLd(services.get("seo-tooling")!, ctx).serviceType).toBe("SEO tooling");
  });

  it("describe every product as a web business application", () => {
    for (const product of products.all()) {
      const data = softwareApplicationJsonLd(product, ctx);
      expect(data).toMatchObject({
        "@type": "SoftwareApplication",
        name: product.data.title,
        description: product.data.description,
        applicationCategory: "BusinessApplication",
        operatingSystem: "Web",
        url: `https://www.fsdev.example/products/${product.slug}`,
      });
      expect(data.publisher).toMatchObject({ name: site.name });
      expect(data.author).toMatchObject({ name: site.name });
    }
  });

  it("build the FAQPage from all five FAQ entries, answers as plain text", () => {
    const entries = faqs.all();
    const data = faqPageJsonLd(entries, ctx);
    const questions = data.mainEntity as {
      "@type": string;
      name: string;
      acceptedAnswer: { "@type": string; text: string };
    }[];
    expect(data["@type"]).toBe("FAQPage");
    expect(questions).toHaveLength(5);
    expect(questions.map((q) => q.name)).toEqual(entries.map((entry) => entry.data.question));
    for (const question of questions) {
      expect(question["@type"]).toBe("Question");
      expect(question.acceptedAnswer["@type"]).toBe("Answer");
      expect(question.acceptedAnswer.text.length).toBeGreaterThan(20);
      expect(question.acceptedAnswer.text).not.toMatch(/[[\]<>]|\]\(|\*\*/);
    }
    const products = questions.find((q) => /products/i.test(q.name))!;
    expect(products.acceptedAnswer.text).toContain("Straider.ai uses AI");
    expect(products.acceptedAnswer.text).not.toContain("/products/");
  });

  it("describe an article with dates, author, publisher, absolute images and the page it is about", () => {
    const article = articles.all()[0]!;
    const data = articleJsonLd(article, ctx, { images: [ogImagePath(`/articles/${article.slug}`)] });
    expect(data).toMatchObject({
      "@type": "Article",
      headline: article.data.title,
      description: article.data.description,
      datePublished: article.data.published,
      dateModified: article.data.updated ?? article.data.published,
      author: { "@type": "Person", name: article.data.author },
      publisher: { "@type": "Organization", name: site.name },
      mainEntityOfPage: { "@type": "WebPage", "@id": `https://www.fsdev.example/articles/${article.slug}` },
    });
    expect((data.image as string[]).every(isAbsolute)).toBe(true);
    const updated: Entry<Article> = { ...article, data: { ...article.data, updated: "2027-01-02" } };
    expect(articleJsonLd(updated, ctx).dateModified).toBe("2027-01-02");
  });

  it("number breadcrumbs 1..n with absolute URLs, matching the visible trail", () => {
    const service = services.all()[0]!;
    const crumbs = entryCrumbs("services", service);
    const data = breadcrumbJsonLd(crumbs, base);
    const items = data.itemListElement as { "@type": string; position: number; name: string; item: string }[];
    expect(items.map((item) => item.position)).toEqual([1, 2, 3]);
    expect(items.map((item) => item.name)).toEqual(crumbs.map((crumb) => crumb.label));
    expect(items.map((item) => item.item)).toEqual([
      "https://www.fsdev.example/",
      "https://www.fsdev.example/services",
      `https://www.fsdev.example/services/${service.slug}`,
    ]);
    expect(items.every((item) => item["@type"] === "ListItem")).toBe(true);
  });
});

describe("plain text from MDX", () => {
  it("keeps link text, drops JSX, emphasis and block markers", () => {
    const source = [
      "See [our services](/services) and **bold** or *italic* or _under_ text.",
      "",
      '<Callout tone="tip" title="Tip">Inside a callout with `code`.</Callout>',
      "<ProductCards />",
      "- a list item",
      "## A heading",
      "snake_case_name stays, and 2 < 3 stays too.",
    ].join("\n");
    expect(mdxToPlainText(source)).toBe(
      "See our services and bold or italic or under text. Inside a callout with code. a list item A heading " +
        "snake_case_name stays, and 2 < 3 stays too.",
    );
  });

  it("handles every FAQ body", () => {
    for (const faq of faqs.all() as Entry<Faq>[]) expect(mdxToPlainText(faq.body)).not.toMatch(/\]\(|<\/?[A-Z]/);
  });
});

describe("RSS feed", () => {
  it("escapes every value and dates items in RFC 822", () => {
    const xml = buildRssFeed({
      title: "FS Dev & friends",
      description: "Quotes \" and ' and <tags>",
      homePath: "/articles",
      feedPath: "/feed.xml",
      language: "en-ZA",
      base,
      items: [
        {
          title: "A < B & C",
          path: "/articles/a?x=1&y=2",
          description: "<b>bold</b>",
          published: "2026-11-24",
          author: "Ada",
          categories: ["R&D"],
        },
      ],
    });
    expect(xml).toContain("<title>FS Dev &amp; friends</title>");
    expect(xml).toContain("<description>Quotes &quot; and &#39; and &lt;tags&gt;</description>");
    expect(xml).toContain("<title>A &lt; B &amp; C</title>");
    expect(xml).toContain("<link>https://www.fsdev.example/articles/a?x=1&amp;y=2</link>");
    expect(xml).toContain("<category>R&amp;D</category>");
    expect(xml).toContain("<pubDate>Tue, 24 Nov 2026 00:00:00 GMT</pubDate>");
    expect(xml).not.toContain("<b>");
    expect(escapeXml("a\u0001b")).toBe("ab");
    expect(rfc822("2026-01-05")).toBe("Mon, 05 Jan 2026 00:00:00 GMT");
  });
});

describe("published routes (the sitemap)", () => {
  it("lists every page once, each entry of each collection, and dates from the content", () => {
    const routes = publishedRoutes();
    const paths = routes.map((route) => route.path);
    expect(new Set(paths).size).toBe(paths.length);
    expect(paths).toEqual(
      expect.arrayContaining(["/", "/services", "/products", "/articles", "/faq", "/about", "/quote", "/privacy"]),
    );
    for (const service of services.all()) expect(paths).toContain(`/services/${service.slug}`);
    for (const product of products.all()) expect(paths).toContain(`/products/${product.slug}`);
    for (const article of articles.all()) {
      const route = routes.find((r) => r.path === `/articles/${article.slug}`)!;
      expect(route.lastModified).toBe(article.data.updated ?? article.data.published);
    }
    expect(paths.length).toBe(8 + services.all().length + products.all().length + articles.all().length);
    expect(routes.find((r) => r.path === "/")!.lastModified).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it("picks the newest date", () => {
    expect(newest(["2026-01-02", undefined, "2026-11-24", "2025-12-31"])).toBe("2026-11-24");
    expect(newest([undefined])).toBeUndefined();
  });
});
