import type { Metadata } from "next";
import { JsonLd } from "@/components/json-ld";
import { FaqList } from "@/components/faq-list";
import { PageHeader } from "@/components/page-header";
import { Prose } from "@/components/mdx/mdx-content";
import { faqs, getPage } from "@/lib/content";
import { jsonLdContext, pageMetadata } from "@/lib/seo";
import { faqPageJsonLd } from "@/lib/seo/json-ld";

export function generateMetadata(): Metadata {
  const page = getPage("faq");
  return pageMetadata({ ...page.data, path: "/faq" });
}

export default function FaqPage() {
  const page = getPage("faq");
  const items = faqs.all();
  return (
    <>
      <JsonLd data={faqPageJsonLd(items, jsonLdContext())} />
      <PageHeader heading={page.data.heading} lead={page.data.lead} />
      <div className="container-page py-12">
        <div className="max-w-3xl">
          {page.body.trim() ? <Prose source={page.body} file={page.file} /> : null}
          <div className="mt-8">
            <FaqList items={items} />
          </div>
        </div>
      </div>
    </>
  );
}
