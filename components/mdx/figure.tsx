import Image from "next/image";
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

/** An image with an optional caption and a credit line. */
export function Figure({ src, alt, width, height, credit, creditUrl, caption, priority, sizes }: FigureProps) {
  return (
    <figure className="not-prose my-8">
      <Image
        src={src}
        alt={alt}
        width={width}
        height={height}
        priority={priority}
        sizes={sizes ?? "(min-width: 768px) 720px, 100vw"}
        className="h-auto w-full rounded-lg border border-slate-200"
      />
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
