import type { Metadata } from "next";
import { ServiceCard } from "@/components/cards/service-card";
import { PageHeader } from "@/components/page-header";
import { Prose } from "@/components/mdx/mdx-content";
import { getPage, services } from "@/lib/content";
import { pageMetadata } from "@/lib/seo";

export function generateMetadata(): Metadata {
  const page = getPage("services");
  return pageMetadata({ ...page.data, path: "/services" });
}

export default function ServicesPage() {
  const page = getPage("services");
  return (
    <>
      <PageHeader heading={page.data.heading} lead={page.data.lead} />
      <div className="container-page py-12">
        {page.body.trim() ? (
          <div className="mb-10 max-w-3xl">
            <Prose source={page.body} file={page.file} />
          </div>
        ) : null}
        <div className="grid gap-6 md:grid-cols-2">
          {services.all().map((service) => (
            <ServiceCard key={service.slug} service={service} headingLevel={2} />
          ))}
        </div>
      </div>
    </>
  );
}
