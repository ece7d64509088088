import { notFound } from "next/navigation";
import { products, site } from "@/lib/content";
import { ogImageContentType, ogImageSize, renderOgImage } from "@/lib/seo/og-image";

export const alt = `${site.name} product`;
export const size = ogImageSize;
export const contentType = ogImageContentType;
export const dynamicParams = false;

export function generateStaticParams() {
  return products.params();
}

export default async function Image({ params }: { params: Promise<{ slug: string }> }) {
  const product = products.get((await params).slug);
  if (!product) notFound();
  return renderOgImage({
    eyebrow: site.labels.product,
    title: product.data.title,
    footer: product.data.tagline,
    siteName: site.name,
  });
}
