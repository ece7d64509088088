import type { Metadata } from "next";
import { PageFrame } from "@/components/layout/page-frame";
import { notFound } from "next/navigation";
import { JsonLd } from "@/components/json-ld";
import { Breadcrumbs } from "@/components/breadcrumbs";
import { PageHeader } from "@/components/page-header";
import { Prose } from "@/components/mdx/mdx-content";
import { RelatedSection } from "@/components/related-section";
import { quoteHref } from "@/components/mdx/quote-cta";
import { caseStudiesFor, services, site } from "@/lib/content";
import { CaseStudyCard } from "@/components/cards/case-study-card";
import { EntryBadge } from "@/components/entry-badge";
import { breadcrumbs, entryCrumbs, jsonLdContext, pageMetadata } from "@/lib/seo";
import { serviceJsonLd } from "@/lib/seo/json-ld";
import { entryPath } from "@/lib/seo/entry-path";

export const dynamicParams = false;

export function generateStaticParams() {
  return services.params();
}

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const service = services.get((await params).slug);
  if (!service) return {};
  return pageMetadata({ ...service.data, path: entryPath("services", service.slug), ownImage: true });
}

export default async function ServicePage({ params }: Props) {
  const service = services.get((await params).slug);
  if (!service) notFound();
  const crumbs = entryCrumbs("services", service);
  const studies = caseStudiesFor(service.slug);
  return (
    <PageFrame path={entryPath("services", service.slug)} cta={{ service: service.slug }}>
      <JsonLd data={[serviceJsonLd(service, jsonLdContext()), breadcrumbs(crumbs)]} />
      <PageHeader heading={service.data.title} lead={service.data.summary} badge={<EntryBadge data={service.data} />}>
        <Breadcrumbs items={crumbs} />
      </PageHeader>
      <div className="container-page grid gap-12 py-12 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="max-w-3xl">
          <Prose source={service.body} file={service.file} line={service.bodyLine} />
          {studies.length > 0 ? (
            <RelatedSection id="case-studies" heading={site.labels.relatedCaseStudies}>
              <div className="grid gap-6 md:grid-cols-2">
                {studies.map((study) => (
                  <CaseStudyCard key={study.slug} caseStudy={study} />
                ))}
              </div>
            </RelatedSection>
          ) : null}
        </div>
        <section
          aria-labelledby="service-facts"
          className="h-fit space-y-6 rounded-lg border border-slate-200 p-6 lg:sticky lg:top-24"
        >
          <h2 id="service-facts" className="sr-only">
            {site.labels.serviceFacts}
          </h2>
          <div>
            <h3 className="font-semibold text-ink">{site.labels.deliverables}</h3>
            <ul className="mt-2 list-disc space-y-1 pl-5 text-slate-700">
              {service.data.deliverables.map((item) => (
                <li key={item}>{item}</li>
              ))}
            </ul>
          </div>
          <div>
            <h3 className="font-semibold text-ink">{site.labels.technologies}</h3>
            <ul className="mt-2 flex flex-wrap gap-2">
              {service.data.technologies.map((tech) => (
                <li key={tech} className="rounded-full bg-slate-100 px-3 py-1 text-sm text-slate-700">
                  {tech}
                </li>
              ))}
            </ul>
          </div>
          <a href={quoteHref({ service: service.slug })} className="button-primary w-full">
            {site.cta.link.label}
          </a>
        </section>
      </div>
    </PageFrame>
  );
}
