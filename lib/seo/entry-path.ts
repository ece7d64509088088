export type EntrySection = "services" | "products" | "articles";

/** The URL path of one service, product or article page: the one place that spells the scheme. */
export function entryPath(section: EntrySection, slug: string): string {
  return `/${section}/${slug}`;
}

/** The URL path of one case study page. */
export function caseStudyPath(slug: string): string {
  return `/case-studies/${slug}`;
}
