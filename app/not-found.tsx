import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { Prose } from "@/components/mdx/mdx-content";
import { getPage } from "@/lib/content";

export function generateMetadata(): Metadata {
  const page = getPage("not-found");
  return { title: page.data.title, description: page.data.description, robots: { index: false } };
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
