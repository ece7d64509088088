import path from "node:path";
import { CONTENT_ROOT, ContentError, byOrder, defineCollection, readEntry, type Entry } from "./collection";
import {
  articleSchema,
  faqSchema,
  homeSchema,
  pageSchema,
  productSchema,
  serviceSchema,
  type Article,
  type Home,
  type Page,
} from "./schemas";

export { ContentError, type Entry } from "./collection";
export { site } from "./site";

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
