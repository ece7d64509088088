import path from "node:path";
import { CONTENT_ROOT, ContentError, byOrder, defineCollection, readEntry, type Entry } from "./collection";
import { replyTemplates } from "./replies";
import {
  articleSchema,
  caseStudySchema,
  faqSchema,
  homeSchema,
  pageSchema,
  productSchema,
  serviceSchema,
  type Article,
  type CaseStudy,
  type Home,
  type Page,
} from "./schemas";

export { ContentError, type Entry, type Problem } from "./collection";
export { site } from "./site";
export { replyTemplates };

export const services = defineCollection({
  dir: path.join(CONTENT_ROOT, "services"),
  schema: serviceSchema,
  compare: byOrder,
});

export const products = defineCollection({
  dir: path.join(CONTENT_ROOT, "products"),
  schema: productSchema,
  compare: byOrder,
});

/** Newest first; ties by title. */
export const articles = defineCollection({
  dir: path.join(CONTENT_ROOT, "articles"),
  schema: articleSchema,
  compare: (a: Entry<Article>, b: Entry<Article>) =>
    b.data.published.localeCompare(a.data.published) || a.data.title.localeCompare(b.data.title),
});

/** Case studies: examples (`example: true`) are shown in development only. */
export const caseStudies = defineCollection({
  dir: path.join(CONTENT_ROOT, "case-studies"),
  schema: caseStudySchema,
  compare: byOrder,
});

export const faqs = defineCollection({
  dir: path.join(CONTENT_ROOT, "faq"),
  schema: faqSchema,
  compare: (a, b) => a.data.order - b.data.order || a.data.question.localeCompare(b.data.question),
});

export type PageName = "about" | "services" | "products" | "articles" | "faq" | "quote" | "privacy" | "not-found";

/** A plain page's frontmatter and body from content/pages/<name>.mdx. */
export function getPage(name: PageName): Entry<Page> {
  return readEntry(pagePath(name), pageSchema);
}

export function getHome(): Entry<Home> {
  return readEntry(pagePath("home"), homeSchema);
}

function pagePath(name: string): string {
  return path.join(CONTENT_ROOT, "pages", `${name}.mdx`);
}

/** Products an article names, in the order it names them; an unknown slug is a content error. */
export function relatedProducts(article: Entry<Article>) {
  return article.data.relatedProducts.map((slug) => {
    const product = products.get(slug);
    if (!product) {
      throw new ContentError(
        `Invalid frontmatter in ${article.file}:\n  - field "relatedProducts": no published product "${slug}"`,
      );
    }
    return product;
  });
}

/** The service a case study names; an unknown slug is a content error naming the file and field. */
export function caseStudyService(caseStudy: Entry<CaseStudy>) {
  const service = services.get(caseStudy.data.service);
  if (!service) {
    throw new ContentError(
      `Invalid frontmatter in ${caseStudy.file}:\n` +
        `  - field "service": no published service "${caseStudy.data.service}"`,
    );
  }
  return service;
}

/** The case studies that name a service, in display order. */
export function caseStudiesFor(serviceSlug: string): Entry<CaseStudy>[] {
  return caseStudies.all().filter((entry) => entry.data.service === serviceSlug);
}

/** Every file that failed validation, across the collections (development only; empty elsewhere). */
export function contentProblems() {
  return [services, products, articles, caseStudies, faqs, replyTemplates].flatMap((collection) =>
    collection.problems(),
  );
}
