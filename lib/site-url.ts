const DEFAULT_SITE_URL = "http://localhost:3000";

let warned = false;

/**
 * The public origin used for canonical URLs, Open Graph tags, JSON-LD, the sitemap and the feed
 * (SITE_URL; default http://localhost:3000).
 *
 * Static pages are rendered by `next build`, so SITE_URL must be set for the build as well as for
 * `next start`, to the same value; otherwise the static pages carry the default origin.
 */
export function siteUrl(): URL {
  const configured = process.env.SITE_URL;
  if (!configured && !warned && process.env.NEXT_PHASE === "phase-production-build") {
    warned = true;
    console.warn(`SITE_URL is not set: canonical URLs, the sitemap and the feed of this build use ${DEFAULT_SITE_URL}.`);
  }
  return new URL(configured || DEFAULT_SITE_URL);
}

/** An absolute URL on this site for a path such as "/services" (a full URL is returned unchanged). */
export function absoluteUrl(path: string, base: URL = siteUrl()): string {
  return new URL(path, base).toString();
}
