import type { Metadata } from "next";
import { ContentPage } from "@/components/content-page";
import { getPage } from "@/lib/content";

/**
 * Next.js itself adds `<meta name="robots" content="noindex">` to every 404 response (tests/e2e/seo.spec.ts
 * checks it), so no robots entry here: it would only print the tag twice.
 */
export function generateMetadata(): Metadata {
  const page = getPage("not-found");
  return { title: page.data.title, description: page.data.description };
}

export default function NotFound() {
  const page = getPage("not-found");
  return <ContentPage page={page} />;
}
