const DEFAULT_SITE_URL = "http://localhost:3000";

/**
 * The public origin used for canonical URLs, Open Graph tags, JSON-LD, the sitemap and the feed
 * (SITE_URL; default http://localhost:3000).
 *
 * Static pages are rendered by `next build`, so SITE_URL must be set for the build as well as for
 * `next start`, to the same value; next.config.ts refuses a production build without it.
 */
export function siteUrl(): URL {
  return new URL(process.env.SITE_URL || DEFAULT_SITE_URL);
}

/** An absolute URL on this site for a path such as "/services" (a full URL is returned unchanged). */
export function absoluteUrl(path: string, base: URL = siteUrl()): string {
  return new URL(path, base).toString();
}
