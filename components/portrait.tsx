import { getImageProps } from "next/image";
import type { Image } from "@/lib/content/schemas";

/**
 * The owner's portrait from content/site.ts (an illustration until a photo replaces it): width,
 * height and alt come from content, so the space is reserved before it loads (no layout shift).
 */
export function Portrait({ image, sizes, className = "" }: { image: Image; sizes: string; className?: string }) {
  const { props } = getImageProps({
    src: image.src,
    alt: image.alt,
    width: image.width,
    height: image.height,
    sizes,
    className: `h-auto w-full rounded-lg border border-slate-200 ${className}`,
  });
  // getImageProps supplies src, srcset, sizes and alt.
  // eslint-disable-next-line @next/next/no-img-element, jsx-a11y/alt-text
  return <img {...props} />;
}
