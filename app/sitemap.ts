import type { MetadataRoute } from "next";
import { publishedRoutes } from "@/lib/seo/routes";
import { absoluteUrl } from "@/lib/server/site-url";

/** /sitemap.xml: every published page with an absolute URL and, when known, the date its content changed. */
export default function sitemap(): MetadataRoute.Sitemap {
  return publishedRoutes().map((route) => ({
    url: absoluteUrl(route.path),
    ...(route.lastModified ? { lastModified: route.lastModified } : {}),
  }));
}
