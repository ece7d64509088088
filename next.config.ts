import path from "node:path";
import type { NextConfig } from "next";
import { PHASE_PRODUCTION_BUILD } from "next/constants";
import { MAX_BODY_BYTES } from "./lib/quotes/fields";
import { deskHeaders, securityHeaders } from "./lib/server/security-headers";
import { DEFAULT_SITE_URL } from "./lib/server/defaults.mjs";
import { siteHost } from "./lib/server/site-url";
import { buildDir } from "./lib/server/build-dir";
import { site } from "./content/site";
import { missingContactFacts } from "./lib/content/contact";
import { describeMissing, imagesIn, missingImages } from "./lib/content/images";
import { replyTemplates } from "./lib/content/replies";
import { quoteChoices } from "./lib/quotes/catalog";
import { preselectRewrites } from "./lib/quotes/form-context";

const nextConfig: NextConfig = {
  // A second build folder lets two checkouts' test runs share a machine without clobbering each other.
  distDir: buildDir(),
  poweredByHeader: false,
  // Runs inside every `next build`: content pages without a client component lose the framework's runtime
  // (docs/performance.md, "Pages without the runtime"). A host that brings its own adapter (NEXT_ADAPTER_PATH,
  // Next.js's own default for this option) keeps it, and the pages keep their scripts (docs/operations.md).
  adapterPath: process.env.NEXT_ADAPTER_PATH || path.resolve("lib/build/script-free-adapter.mjs"),
  reactStrictMode: true,
  // `next dev` would otherwise write an AGENTS.md into the project root: an untracked file the owner never asked for.
  agentRules: false,
  images: { formats: ["image/avif", "image/webp"] },
  experimental: {
    // How much of a request body Next.js copies for proxy.ts (default 10 MB per request, held in memory).
    // Under `next start` lib/server/body-guard.ts refuses larger bodies before Next.js sees them; this bounds
    // the copy where that guard does not run (`next dev`).
    proxyClientMaxBodySize: MAX_BODY_BYTES,
    serverActions: {
      // The quote form at its largest (5,000 characters of description, 4 bytes each in UTF-8,
      // plus the other fields and multipart overhead) stays well under this.
      bodySizeLimit: `${MAX_BODY_BYTES / 1024}kb`,
      // Actions accept posts only from the site's own origin (Next compares Origin with Host;
      // behind a proxy that rewrites Host, SITE_URL's host is still accepted).
      allowedOrigins: [siteHost()].filter((host) => host !== undefined),
    },
  },
  async rewrites() {
    return { beforeFiles: preselectRewrites(interestChoices()), afterFiles: [], fallback: [] };
  },
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders(process.env.NODE_ENV === "production") },
      { source: "/desk/:path*", headers: deskHeaders },
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
  if (phase === PHASE_PRODUCTION_BUILD) {
    checkSiteFacts();
    // The desk renders the reply templates on request, so no page build reads them: a broken one (an unknown
    // placeholder, an empty body) fails the build here, naming the file, instead of the owner's next reply.
    replyTemplates.all();
  }
  return nextConfig;
}

/**
 * At build time: content/site.ts's images must exist (the build fails naming the field), and the
 * contact facts still empty are listed, so the owner knows what the site does not show yet.
 */
function checkSiteFacts() {
  const missing = missingImages(imagesIn(site));
  if (missing.length > 0) throw new Error(`Missing image file in content/site.ts:\n${describeMissing(missing)}`);
  const contact = missingContactFacts(site.contact ?? {});
  // Reported once per `next build`: the build loads this file in more than one process (the first one reports,
  // its workers inherit the flag), and `next typegen` (npm run typecheck) loads it in the build phase too.
  if (contact.length > 0 && !process.env.FSDEV_CONTACT_REPORTED && !process.argv.includes("typegen")) {
    process.env.FSDEV_CONTACT_REPORTED = "1";
    console.warn(`Contact facts not set in content/site.ts (the site shows only those given): ${contact.join(", ")}`);
  }
}

/**
 * The interests a quote link may preselect. While a content file is broken in `next dev` there are none
 * (the form loads without a choice, and the page that uses the file shows the error); a build fails anyway.
 */
function interestChoices(): { value: string }[] {
  try {
    return quoteChoices().interests;
  } catch (error) {
    if (process.env.NODE_ENV === "production") throw error;
    return [];
  }
}
