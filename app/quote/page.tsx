import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { Prose } from "@/components/mdx/mdx-content";
import { getPage } from "@/lib/content";
import { pageMetadata } from "@/lib/seo";

export function generateMetadata(): Metadata {
  const page = getPage("quote");
  return pageMetadata({ ...page.data, path: "/quote" });
}

export default function QuotePage() {
  const page = getPage("quote");
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
