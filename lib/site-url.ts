/**
 * The origin used when SITE_URL is not set: this machine, on the port the server listens on (Next.js
 * sets PORT for `next dev -p 3100` as well as `PORT=3100 npm run dev`), so links in pages and emails
 * work whichever port the dev server runs on.
 */
export function localOrigin(): string {
  return `http://localhost:${process.env.PORT || 3000}`;
}

/**
 * The public origin used for canonical URLs, Open Graph tags, JSON-LD, the sitemap and the feed
 * (SITE_URL; without it, `localOrigin()`).
 *
 * Static pages are rendered by `next build`, so SITE_URL must be set for the build as well as for
 * `next start`, to the same value; next.config.ts refuses a production build without it.
 */
export function siteUrl(): URL {
  return new URL(process.env.SITE_URL || localOrigin());
}

/** An absolute URL on this site for a path such as "/services" (a full URL is returned unchanged). */
export function absoluteUrl(path: string, base: URL = siteUrl()): string {
  return new URL(path, base).toString();
}
