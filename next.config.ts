import type { NextConfig } from "next";
import { PHASE_PRODUCTION_BUILD } from "next/constants";
import { MAX_BODY_BYTES } from "./lib/quotes/fields";
import { formPageHeaders, securityHeaders } from "./lib/security-headers";
import { DEFAULT_SITE_URL } from "./lib/defaults.mjs";
import { siteHost } from "./lib/site-url";

const nextConfig: NextConfig = {
  // A second build folder lets two checkouts' test runs share a machine without clobbering each other.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  poweredByHeader: false,
  reactStrictMode: true,
  images: { formats: ["image/avif", "image/webp"] },
  experimental: {
    serverActions: {
      // The quote form at its largest (5,000 characters of description, 4 bytes each in UTF-8,
      // plus the other fields and multipart overhead) stays well under this.
      bodySizeLimit: `${MAX_BODY_BYTES / 1024}kb`,
      // Actions accept posts only from the site's own origin (Next compares Origin with Host;
      // behind a proxy that rewrites Host, SITE_URL's host is still accepted).
      allowedOrigins: [siteHost()].filter((host) => host !== undefined),
    },
  },
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders(process.env.NODE_ENV === "production") },
      { source: "/quote", headers: formPageHeaders },
    ];
  },
};

/**
 * Static pages carry absolute URLs (canonical, Open Graph, JSON-LD, sitemap, feed) from SITE_URL at
 * build time, so a production build without it would publish localhost URLs for good.
 */
export default function config(phase: string): NextConfig {
  if (phase === PHASE_PRODUCTION_BUILD && !process.env.SITE_URL) {
    throw new Error(
      "SITE_URL is not set: `next build` needs the public origin, e.g. SITE_URL=https://www.example.com " +
        `npm run build (for a local try-out: SITE_URL=${DEFAULT_SITE_URL}).`,
    );
  }
  return nextConfig;
}
