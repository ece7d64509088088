import type { Metadata } from "next";
import { ContactList } from "@/components/contact-list";
import { ContentPage } from "@/components/content-page";
import { JsonLd } from "@/components/json-ld";
import { Portrait } from "@/components/portrait";
import { getPage, site } from "@/lib/content";
import { businessJsonLd, pageMetadata } from "@/lib/seo";

export function generateMetadata(): Metadata {
  const page = getPage("about");
  return pageMetadata({ ...page.data, path: "/about" });
}

export default function AboutPage() {
  const page = getPage("about");
  const aside = (
    <aside aria-label={site.owner.name} className="h-fit max-w-xs lg:sticky lg:top-24">
      <figure>
        <Portrait image={site.owner.portrait} sizes="(min-width: 1024px) 288px, (min-width: 640px) 320px, 100vw" />
        <figcaption className="mt-3">
          <span className="block font-semibold text-ink">{site.owner.name}</span>
          <span className="block text-slate-700">{site.owner.role}</span>
        </figcaption>
      </figure>
      <ContactList className="mt-4 space-y-1 text-slate-700" linkClassName="inline-flex min-h-11 items-center" />
    </aside>
  );
  return <ContentPage page={page} path="/about" head={<JsonLd data={businessJsonLd()} />} aside={aside} />;
}
