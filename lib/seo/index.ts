/** Page metadata and the site-wide SEO facts (Open Graph image, feed link, JSON-LD context) for `app/`. */
import type { Metadata } from "next";
import { articles, getPage, services, site, type Entry } from "@/lib/content";
import { absoluteUrl, siteUrl } from "@/lib/server/site-url";
import {
  breadcrumbJsonLd,
  knowsAbout,
  organizationJsonLd,
  type Crumb,
  type JsonLdContext,
  type JsonLdObject,
} from "./json-ld";
import { entryPath, type EntrySection } from "./entry-path";

export type PageSeo = {
  title: string;
  description: string;
  path: string;
  seo?: { title?: string; description?: string };
  type?: "website" | "article";
  publishedTime?: string;
  modifiedTime?: string;
  /** Article authors' names (og `article:author`). */
  authors?: string[];
  tags?: string[];
  /** A title used as-is, without the "| FS Dev" template (the home page). */
  absoluteTitle?: boolean;
  /**
   * The page's folder has its own `opengraph-image.tsx` (services, products and articles);
   * otherwise the site's default image from `app/opengraph-image.tsx` is used.
   */
  ownImage?: boolean;
};

/** The size of every generated Open Graph image (the opengraph-image.tsx files under app/). */
export const OG_IMAGE_SIZE = { width: 1200, height: 630 } as const;

/** The URL path of the generated Open Graph image that belongs to a page path. */
export function ogImagePath(pagePath: string): string {
  return `${pagePath.replace(/\/$/, "")}/opengraph-image`;
}

/** The articles feed, announced in every page's <head>. */
export const FEED_PATH = "/feed.xml";
export const feedAlternates = {
  "application/rss+xml": [{ url: FEED_PATH, title: `${site.name} articles` }],
};

/** Title, description, canonical URL, feed link, Open Graph and Twitter tags for one page. */
export function pageMetadata(page: PageSeo): Metadata {
  const title = page.seo?.title ?? page.title;
  const description = page.seo?.description ?? page.description;
  const url = absoluteUrl(page.path);
  const image = {
    url: absoluteUrl(ogImagePath(page.ownImage ? page.path : "/")),
    ...OG_IMAGE_SIZE,
    type: "image/png",
    alt: page.ownImage ? title : site.name,
  };
  return {
    title: page.absoluteTitle ? { absolute: title } : title,
    description,
    // Page metadata replaces the layout's `alternates` as a whole, so the feed link is repeated here.
    alternates: { canonical: url, types: feedAlternates },
    openGraph: {
      title,
      description,
      url,
      siteName: site.name,
      locale: "en_ZA",
      images: [image],
      ...(page.type === "article"
        ? {
            type: "article",
            publishedTime: page.publishedTime,
            modifiedTime: page.modifiedTime,
            authors: page.authors,
            tags: page.tags,
          }
        : { type: "website" }),
    },
    twitter: { card: "summary_large_image", title, description, images: [{ url: image.url, alt: image.alt }] },
  };
}

/** The site facts and origin every JSON-LD builder takes. */
export function jsonLdContext(): JsonLdContext {
  return { site, base: siteUrl() };
}

/** The business as JSON-LD (home and about), with its topics taken from the services and articles. */
export function businessJsonLd(): JsonLdObject {
  return organizationJsonLd(jsonLdContext(), {
    knowsAbout: knowsAbout(services.all(), articles.all()),
    image: ogImagePath("/"),
  });
}

/** Home › section index › entry: the visible trail and the BreadcrumbList of a nested page. */
export function entryCrumbs(section: EntrySection, entry: Entry<{ title: string }>): Crumb[] {
  return [
    { label: site.labels.home, href: "/" },
    { label: getPage(section).data.heading, href: `/${section}` },
    { label: entry.data.title, href: entryPath(section, entry.slug) },
  ];
}

export function breadcrumbs(crumbs: Crumb[]): JsonLdObject {
  return breadcrumbJsonLd(crumbs, siteUrl());
}
