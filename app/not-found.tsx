import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { Prose } from "@/components/mdx/mdx-content";
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
  return (
    <>
      <PageHeader heading={page.data.heading} lead={page.data.lead} />
      <div className="container-page py-12">
        <div className="max-w-3xl">
          <Prose source={page.body} file={page.file} />
        </div>
      </div>
    </>
  );
}
