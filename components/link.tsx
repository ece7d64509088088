import NextLink from "next/link";
import type { ComponentProps } from "react";

/**
 * next/link without prefetching. The pages are small static files, so a click fetches the next
 * one quickly, while viewport prefetching would download every linked route's payload and code
 * during the first load of each page (the performance budget counts that against the page).
 */
export function Link(props: ComponentProps<typeof NextLink>) {
  return <NextLink prefetch={false} {...props} />;
}
