import { site } from "@/lib/content";
import { ogImageContentType, ogImageSize, renderOgImage } from "@/lib/seo/og-image";

export const alt = site.name;
export const size = ogImageSize;
export const contentType = ogImageContentType;

/** The site's default share image, used by every page without its own. */
export default function Image() {
  return renderOgImage({
    title: site.tagline,
    footer: `${site.owner.name} · ${site.location.locality}, ${site.location.country}`,
    siteName: site.name,
  });
}
