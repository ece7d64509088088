import type { Metadata } from "next";
import { ContentPage } from "@/components/content-page";
import { JsonLd } from "@/components/json-ld";
import { FaqList } from "@/components/faq-list";
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
    <ContentPage page={page} path="/faq" head={<JsonLd data={faqPageJsonLd(items, jsonLdContext())} />}>
      <FaqList items={items} />
    </ContentPage>
  );
}
