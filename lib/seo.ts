import type { Metadata } from "next";
import { site } from "@/lib/content";
import { siteUrl } from "@/lib/site-url";

export type PageSeo = {
  title: string;
  description: string;
  path: string;
  seo?: { title?: string; description?: string };
  type?: "website" | "article";
  publishedTime?: string;
  modifiedTime?: string;
  /** A title used as-is, without the "| FS Dev" template (the home page). */
  absoluteTitle?: boolean;
};

/** Title, description, canonical URL, Open Graph and Twitter tags for one page. */
export function pageMetadata(page: PageSeo): Metadata {
  const title = page.seo?.title ?? page.title;
  const description = page.seo?.description ?? page.description;
  const url = new URL(page.path, siteUrl()).toString();
  return {
    title: page.absoluteTitle ? { absolute: title } : title,
    description,
    alternates: { canonical: url },
    openGraph: {
      title,
      description,
      url,
      siteName: site.name,
      locale: "en_ZA",
      type: page.type ?? "website",
      ...(page.type === "article" ? { publishedTime: page.publishedTime, modifiedTime: page.modifiedTime } : {}),
    },
    twitter: { card: "summary_large_image", title, description },
  };
}
