import { notFound } from "next/navigation";
import { services, site } from "@/lib/content";
import { ogImageContentType, ogImageSize, renderOgImage } from "@/lib/seo/og-image";

export const alt = `${site.name} service`;
export const size = ogImageSize;
export const contentType = ogImageContentType;
export const dynamicParams = false;

export function generateStaticParams() {
  return services.params();
}

export default async function Image({ params }: { params: Promise<{ slug: string }> }) {
  const service = services.get((await params).slug);
  if (!service) notFound();
  return renderOgImage({ eyebrow: "Service", title: service.data.title, footer: site.tagline, siteName: site.name });
}
