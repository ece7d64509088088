import { notFound } from "next/navigation";
import { articles, site } from "@/lib/content";
import { formatDate } from "@/components/format/format-date";
import { ogImageContentType, ogImageSize, renderOgImage } from "@/lib/seo/og-image";

export const alt = `${site.name} article`;
export const size = ogImageSize;
export const contentType = ogImageContentType;
export const dynamicParams = false;

export function generateStaticParams() {
  return articles.params();
}

export default async function Image({ params }: { params: Promise<{ slug: string }> }) {
  const article = articles.get((await params).slug);
  if (!article) notFound();
  return renderOgImage({
    eyebrow: "Article",
    title: article.data.title,
    footer: `${article.data.author} · ${formatDate(article.data.published)}`,
    siteName: site.name,
  });
}
