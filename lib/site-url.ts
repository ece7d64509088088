/** The public origin used for canonical URLs, the sitemap and the feed (SITE_URL, no trailing slash). */
export function siteUrl(): URL {
  return new URL(process.env.SITE_URL ?? "http://localhost:3000");
}
