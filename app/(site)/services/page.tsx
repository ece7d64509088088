import type { Metadata } from "next";
import { ServiceCard } from "@/components/cards/service-card";
import { ContentPage } from "@/components/content-page";
import { getPage, services } from "@/lib/content";
import { pageMetadata } from "@/lib/seo";

export function generateMetadata(): Metadata {
  const page = getPage("services");
  return pageMetadata({ ...page.data, path: "/services" });
}

export default function ServicesPage() {
  const page = getPage("services");
  return (
    <ContentPage page={page} path="/services" wide>
      <div className="grid gap-6 md:grid-cols-2">
        {services.all().map((service) => (
          <ServiceCard key={service.slug} service={service} headingLevel={2} />
        ))}
      </div>
    </ContentPage>
  );
}
