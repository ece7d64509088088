import type { Metadata } from "next";
import { ContentPage } from "@/components/content-page";
import { SiteFooter } from "@/components/layout/site-footer";
import { getPage } from "@/lib/content";

/**
 * Rendered under the root layout alone (not app/(site)'s), so it brings the footer itself; the header and the
 * quote band come with ContentPage's frame. Next.js itself adds `<meta name="robots" content="noindex">` to
 * every 404 response (tests/e2e/seo.spec.ts checks it), so no robots entry here: it would print the tag twice.
 */
export function generateMetadata(): Metadata {
  const page = getPage("not-found");
  return { title: page.data.title, description: page.data.description };
}

export default function NotFound() {
  const page = getPage("not-found");
  return (
    <>
      <ContentPage page={page} />
      <SiteFooter />
    </>
  );
}
