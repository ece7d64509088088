import type { MetadataRoute } from "next";
import { absoluteUrl, siteUrl } from "@/lib/server/site-url";

/** /robots.txt: everything may be crawled; the sitemap is announced. */
export default function robots(): MetadataRoute.Robots {
  return {
    rules: { userAgent: "*", allow: "/" },
    sitemap: absoluteUrl("/sitemap.xml"),
    host: siteUrl().origin,
  };
}
