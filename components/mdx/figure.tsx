import { getImageProps } from "next/image";
import type { ReactNode } from "react";
import { inlineSvg } from "@/lib/content/images";

export type FigureProps = {
  src: string;
  alt: string;
  width: number;
  height: number;
  credit?: string;
  creditUrl?: string;
  caption?: ReactNode;
  priority?: boolean;
  sizes?: string;
};

const IMAGE_CLASS = "h-auto w-full rounded-lg border border-slate-200";

/**
 * An image with an optional caption and a credit line, rendered on the server, so it ships no client JavaScript.
 * An SVG of our own is put into the page as markup (no request: the page paints from its document alone); any
 * other image is optimised by next/image (sizes, srcset, dimensions) and rendered as a plain <img>.
 */
export function Figure({ src, alt, width, height, credit, creditUrl, caption, priority, sizes }: FigureProps) {
  return (
    <figure className="not-prose my-8">
      {src.startsWith("/") && src.endsWith(".svg") ? (
        // Our own file, checked by inlineSvg: nothing in it runs or fetches.
        <span
          className="block"
          dangerouslySetInnerHTML={{ __html: inlineSvg({ src, alt, width, height }, IMAGE_CLASS) }}
        />
      ) : (
        <Image {...{ src, alt, width, height, priority, sizes }} />
      )}
      {caption || credit ? (
        <figcaption className="mt-2 text-sm text-slate-600">
          {caption}
          {caption && credit ? " " : null}
          {credit ? (
            <span data-testid="image-credit">
              {creditUrl ? (
                <a href={creditUrl} rel="noopener noreferrer" className="underline">
                  {credit}
                </a>
              ) : (
                credit
              )}
            </span>
          ) : null}
        </figcaption>
      ) : null}
    </figure>
  );
}

/** A raster image through next/image, as a plain <img>. */
function Image({ src, alt, width, height, priority, sizes }: Omit<FigureProps, "credit" | "creditUrl" | "caption">) {
  const { props: image } = getImageProps({
    src,
    alt,
    width,
    height,
    priority,
    sizes: sizes ?? "(min-width: 768px) 720px, 100vw",
    className: IMAGE_CLASS,
  });
  // getImageProps supplies src, srcset, sizes and alt.
  // eslint-disable-next-line @next/next/no-img-element, jsx-a11y/alt-text
  return <img {...image} />;
}
