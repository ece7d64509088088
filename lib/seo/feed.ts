/**
 * An RSS 2.0 feed, built as text with every value XML-escaped. (The `feed` package was tried: it wraps titles
 * and descriptions in CDATA and writes names into <author>, which RSS 2.0 reserves for an email address.)
 */
import { escapeHtml } from "@/lib/text/escape-html";

export type FeedItem = {
  title: string;
  path: string;
  description: string;
  /** YYYY-MM-DD */
  published: string;
  author: string;
  categories?: string[];
};

export type FeedInput = {
  title: string;
  description: string;
  /** The page the feed mirrors, e.g. "/articles". */
  homePath: string;
  /** Where the feed itself is served, e.g. "/feed.xml". */
  feedPath: string;
  language: string;
  base: URL;
  items: FeedItem[];
};

/** Text safe in XML content and attribute values; characters XML 1.0 forbids are dropped. */
export function escapeXml(value: string): string {
  // eslint-disable-next-line no-control-regex -- dropping control characters is the point
  return escapeHtml(value.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, ""));
}

/** "2026-11-24" -> "Tue, 24 Nov 2026 00:00:00 GMT" (RFC 822, as RSS 2.0 requires). */
export function rfc822(isoDate: string): string {
  return new Date(`${isoDate}T00:00:00Z`).toUTCString();
}

const element = (name: string, value: string, attributes = "") => `<${name}${attributes}>${escapeXml(value)}</${name}>`;

export function buildRssFeed(feed: FeedInput): string {
  const abs = (path: string) => new URL(path, feed.base).toString();
  const newest = feed.items
    .map((item) => item.published)
    .sort()
    .at(-1);
  const items = feed.items.map((item) => {
    const url = abs(item.path);
    return [
      "    <item>",
      `      ${element("title", item.title)}`,
      `      ${element("link", url)}`,
      `      ${element("guid", url, ' isPermaLink="true"')}`,
      `      ${element("description", item.description)}`,
      `      ${element("pubDate", rfc822(item.published))}`,
      `      ${element("dc:creator", item.author)}`,
      ...(item.categories ?? []).map((category) => `      ${element("category", category)}`),
      "    </item>",
    ].join("\n");
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    "  <channel>",
    `    ${element("title", feed.title)}`,
    `    ${element("link", abs(feed.homePath))}`,
    `    ${element("description", feed.description)}`,
    `    ${element("language", feed.language)}`,
    ...(newest ? [`    ${element("lastBuildDate", rfc822(newest))}`] : []),
    `    <atom:link href="${escapeXml(abs(feed.feedPath))}" rel="self" type="application/rss+xml"/>`,
    ...items,
    "  </channel>",
    "</rss>",
    "",
  ].join("\n");
}
