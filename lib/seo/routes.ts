import { articles, caseStudies, getHome, getPage, products, services, type Entry } from "@/lib/content";
import { QUOTE_PATH } from "@/lib/routes";
import { caseStudyPath, entryPath } from "./entry-path";

/** One indexable URL of the site and the date its content last changed, when known. */
export type SiteRoute = { path: string; lastModified?: string };

type Dated = { updated?: string; published?: string };

/** `updated`, else `published`, else nothing. */
export function contentDate(data: Dated): string | undefined {
  return data.updated ?? data.published;
}

/** The newest of some YYYY-MM-DD dates (they sort as strings), or undefined when there are none. */
export function newest(dates: (string | undefined)[]): string | undefined {
  return dates
    .filter((date): date is string => Boolean(date))
    .sort()
    .at(-1);
}

const datesOf = (entries: Entry<Dated>[]) => entries.map((entry) => contentDate(entry.data));

/**
 * Every published page, in navigation order: home, the indexes and their entries, FAQ, about,
 * quote and privacy (case studies follow the services). Drafts and example case studies are left out
 * by the collections themselves (outside development).
 * A page without a date of its own takes the newest date of the content it lists (home lists
 * everything); FAQ entries carry no dates, so the FAQ page has a date only when its page file does.
 */
export function publishedRoutes(): SiteRoute[] {
  const page = (name: Parameters<typeof getPage>[0]) => contentDate(getPage(name).data);
  const serviceDates = datesOf(services.all());
  const productDates = datesOf(products.all());
  const articleDates = datesOf(articles.all());
  const caseStudyDates = datesOf(caseStudies.all());

  const routes: SiteRoute[] = [
    {
      path: "/",
      lastModified: newest([
        contentDate(getHome().data),
        ...serviceDates,
        ...productDates,
        ...articleDates,
        ...caseStudyDates,
      ]),
    },
    { path: "/services", lastModified: newest([page("services"), ...serviceDates]) },
    ...services
      .all()
      .map((entry) => ({ path: entryPath("services", entry.slug), lastModified: contentDate(entry.data) })),
    ...caseStudies.all().map((entry) => ({ path: caseStudyPath(entry.slug), lastModified: contentDate(entry.data) })),
    { path: "/products", lastModified: newest([page("products"), ...productDates]) },
    ...products
      .all()
      .map((entry) => ({ path: entryPath("products", entry.slug), lastModified: contentDate(entry.data) })),
    { path: "/articles", lastModified: newest([page("articles"), ...articleDates]) },
    ...articles
      .all()
      .map((entry) => ({ path: entryPath("articles", entry.slug), lastModified: contentDate(entry.data) })),
    { path: "/faq", lastModified: page("faq") },
    { path: "/about", lastModified: page("about") },
    { path: QUOTE_PATH, lastModified: page("quote") },
    { path: "/privacy", lastModified: page("privacy") },
  ];
  return routes.map((route) => (route.lastModified ? route : { path: route.path }));
}
