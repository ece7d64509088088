import type { Metadata } from "next";
import { ContentPage } from "@/components/content-page";
import { JsonLd } from "@/components/json-ld";
import { getPage } from "@/lib/content";
import { businessJsonLd, pageMetadata } from "@/lib/seo";

export function generateMetadata(): Metadata {
  const page = getPage("about");
  return pageMetadata({ ...page.data, path: "/about" });
}

export default function AboutPage() {
  const page = getPage("about");
  return <ContentPage page={page} path="/about" head={<JsonLd data={businessJsonLd()} />} />;
}
