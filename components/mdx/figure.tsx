import { getImageProps } from "next/image";
import type { ReactNode } from "react";

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

/**
 * An image with an optional caption and a credit line. Optimised by next/image (sizes, srcset,
 * dimensions), rendered on the server as a plain <img>, so it ships no client JavaScript.
 */
export function Figure({ src, alt, width, height, credit, creditUrl, caption, priority, sizes }: FigureProps) {
  const { props: image } = getImageProps({
    src,
    alt,
    width,
    height,
    priority,
    sizes: sizes ?? "(min-width: 768px) 720px, 100vw",
    className: "h-auto w-full rounded-lg border border-slate-200",
  });
  return (
    <figure className="not-prose my-8">
      {/* getImageProps supplies src, srcset, sizes and alt. */}
      {/* eslint-disable-next-line @next/next/no-img-element, jsx-a11y/alt-text */}
      <img {...image} />
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
