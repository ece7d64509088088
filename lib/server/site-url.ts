import { DEFAULT_SITE_URL } from "./defaults.mjs";

/**
 * The origin used when SITE_URL is not set: lib/server/defaults.mjs's, on the port the server listens on
 * (Next.js sets PORT for `next dev -p 3100` as well as `PORT=3100 npm run dev`), so links in pages
 * and emails work whichever port the dev server runs on.
 */
export function localOrigin(): string {
  const url = new URL(DEFAULT_SITE_URL);
  if (process.env.PORT) url.port = process.env.PORT;
  return url.origin;
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

/** SITE_URL's host, if it is set and parses; a malformed value is reported by lib/server/env.ts at start. */
export function siteHost(): string | undefined {
  const value = process.env.SITE_URL;
  return value && URL.canParse(value) ? new URL(value).host : undefined;
}

/**
 * The hosts a request may call this site by: SITE_URL's, then the first X-Forwarded-Host and the Host the
 * request arrived with (a proxy that rewrites Host is still recognised through SITE_URL).
 */
export function ownHosts(headers: { get(name: string): string | null }): string[] {
  const first = (value: string | null) => value?.split(",")[0]?.trim() || undefined;
  return [siteHost(), first(headers.get("x-forwarded-host")), first(headers.get("host"))].filter(
    (host): host is string => Boolean(host),
  );
}
