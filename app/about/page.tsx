import type { Metadata } from "next";
import { JsonLd } from "@/components/json-ld";
import { PageHeader } from "@/components/page-header";
import { Prose } from "@/components/mdx/mdx-content";
import { getPage } from "@/lib/content";
import { businessJsonLd, pageMetadata } from "@/lib/seo";

export function generateMetadata(): Metadata {
  const page = getPage("about");
  return pageMetadata({ ...page.data, path: "/about" });
}

export default function AboutPage() {
  const page = getPage("about");
  return (
    <>
      <JsonLd data={businessJsonLd()} />
      <PageHeader heading={page.data.heading} lead={page.data.lead} />
      <div className="container-page py-12">
        <div className="max-w-3xl">
          <Prose source={page.body} file={page.file} />
        </div>
      </div>
    </>
  );
}
