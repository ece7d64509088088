import type { Entry } from "@/lib/content/collection";
import type { Article, Faq, Product, Service, SiteFacts } from "@/lib/content/schemas";
import { mdxToPlainText } from "./plain-text";
import { entryPath } from "./entry-path";

/**
 * schema.org structured data, built from the content collections. Every builder is a pure
 * function of its arguments (content entries, the site facts and the site's origin), so the
 * JSON-LD never repeats copy by hand and can be tested without a server.
 */

export type JsonLdObject = { "@context": "https://schema.org"; "@type": string } & Record<string, unknown>;

/** What every builder needs besides the entry: the site facts and the public origin. */
export type JsonLdContext = { site: SiteFacts; base: URL };

export type Crumb = { label: string; href: string };

const CONTEXT = "https://schema.org" as const;

const abs = (path: string, base: URL) => new URL(path, base).toString();

/** The one node id of the business, so every page's data refers to the same organisation. */
export function organizationId(base: URL): string {
  return abs("/#organization", base);
}

/** JSON for a `<script type="application/ld+json">`, with `<` escaped so no text can close the script. */
export function serializeJsonLd(data: JsonLdObject | JsonLdObject[]): string {
  return JSON.stringify(data).replace(/</g, "\\u003c");
}

function founder({ site, base }: JsonLdContext) {
  return { "@type": "Person", name: site.owner.name, jobTitle: site.owner.role, url: abs("/about", base) };
}

/** A short reference to the business for `provider`, `publisher` and `author`. */
function businessRef(
  { site, base }: JsonLdContext,
  type: "ProfessionalService" | "Organization" = "ProfessionalService",
) {
  return { "@type": type, "@id": organizationId(base), name: site.name, url: abs("/", base) };
}

/** "SEO tooling: custom tools for …" -> "SEO tooling"; a title without a colon is used whole. */
export function serviceType(service: Entry<Service>): string {
  return service.data.title.split(":")[0]!.trim();
}

/** Topics the business knows: each service's type, the technologies it uses and the articles' tags, once each. */
export function knowsAbout(services: Entry<Service>[], articles: Entry<Article>[] = []): string[] {
  const topics = [
    ...services.map(serviceType),
    ...services.flatMap((service) => service.data.technologies),
    ...articles.flatMap((article) => article.data.tags),
  ];
  const seen = new Set<string>();
  return topics.filter((topic) => {
    const key = topic.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The business (home and about): a ProfessionalService, which schema.org counts as an Organization. */
export function organizationJsonLd(
  ctx: JsonLdContext,
  options: { knowsAbout: string[]; image?: string },
): JsonLdObject {
  const { site, base } = ctx;
  return {
    "@context": CONTEXT,
    "@type": "ProfessionalService",
    "@id": organizationId(base),
    name: site.name,
    slogan: site.tagline,
    description: site.description,
    url: abs("/", base),
    ...(options.image ? { image: abs(options.image, base) } : {}),
    founder: founder(ctx),
    address: {
      "@type": "PostalAddress",
      addressLocality: site.location.locality,
      addressRegion: site.location.region,
      addressCountry: site.location.countryCode,
    },
    areaServed: site.areaServed,
    knowsAbout: options.knowsAbout,
    knowsLanguage: site.languages,
    ...contactProperties(site.contact),
  };
}

/** `email`, `telephone` and `sameAs` (profile pages) for the contact facts that are filled in. */
export function contactProperties(contact: SiteFacts["contact"]): Record<string, unknown> {
  const profiles = [contact.linkedin, contact.github].filter(Boolean);
  return {
    ...(contact.email ? { email: contact.email } : {}),
    ...(contact.phone ? { telephone: contact.phone.replace(/\s+/g, "") } : {}),
    ...(profiles.length > 0 ? { sameAs: profiles } : {}),
  };
}

export function serviceJsonLd(service: Entry<Service>, ctx: JsonLdContext): JsonLdObject {
  const url = abs(entryPath("services", service.slug), ctx.base);
  return {
    "@context": CONTEXT,
    "@type": "Service",
    "@id": `${url}#service`,
    name: service.data.title,
    serviceType: serviceType(service),
    description: service.data.description,
    url,
    provider: businessRef(ctx),
    areaServed: ctx.site.areaServed,
  };
}

export function softwareApplicationJsonLd(product: Entry<Product>, ctx: JsonLdContext): JsonLdObject {
  const url = abs(entryPath("products", product.slug), ctx.base);
  return {
    "@context": CONTEXT,
    "@type": "SoftwareApplication",
    "@id": `${url}#software`,
    name: product.data.title,
    description: product.data.description,
    applicationCategory: product.data.category,
    operatingSystem: "Web",
    url,
    ...(product.data.url ? { sameAs: product.data.url } : {}),
    featureList: product.data.features,
    publisher: businessRef(ctx),
    author: businessRef(ctx),
  };
}

/** Every question with its answer as plain text (links reduced to their text, no JSX). */
export function faqPageJsonLd(faqs: Entry<Faq>[], ctx: JsonLdContext, path = "/faq"): JsonLdObject {
  return {
    "@context": CONTEXT,
    "@type": "FAQPage",
    url: abs(path, ctx.base),
    mainEntity: faqs.map((faq) => ({
      "@type": "Question",
      name: faq.data.question,
      acceptedAnswer: { "@type": "Answer", text: mdxToPlainText(faq.body) },
    })),
  };
}

export function articleJsonLd(
  article: Entry<Article>,
  ctx: JsonLdContext,
  options: { images?: string[] } = {},
): JsonLdObject {
  const { base, site } = ctx;
  const url = abs(entryPath("articles", article.slug), base);
  const { data } = article;
  const author = data.author === site.owner.name ? founder(ctx) : { "@type": "Person", name: data.author };
  return {
    "@context": CONTEXT,
    "@type": "Article",
    headline: data.title,
    description: data.description,
    datePublished: data.published,
    dateModified: data.updated ?? data.published,
    author,
    publisher: businessRef(ctx, "Organization"),
    image: [data.heroImage.src, ...(options.images ?? [])].map((src) => abs(src, base)),
    mainEntityOfPage: { "@type": "WebPage", "@id": url },
    url,
    inLanguage: "en-ZA",
    ...(data.tags.length > 0 ? { keywords: data.tags.join(", ") } : {}),
  };
}

/** The visible breadcrumb trail as a BreadcrumbList: positions 1..n, absolute URLs. */
export function breadcrumbJsonLd(crumbs: Crumb[], base: URL): JsonLdObject {
  return {
    "@context": CONTEXT,
    "@type": "BreadcrumbList",
    itemListElement: crumbs.map((crumb, index) => ({
      "@type": "ListItem",
      position: index + 1,
      name: crumb.label,
      item: abs(crumb.href, base),
    })),
  };
}
