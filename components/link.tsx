import type { ComponentProps } from "react";

type Props = Omit<ComponentProps<"a">, "href"> & { href: string };

/**
 * Internal links are plain anchors: every page is a static document, so following a link is an
 * ordinary page load served from the CDN or cache. next/link would add its client code (and,
 * with prefetching, other routes' payloads) to every first load; the performance budget counts
 * both against the page.
 */
export function Link({ href, children, ...props }: Props) {
  return (
    <a href={href} {...props}>
      {children}
    </a>
  );
}
