import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Breadcrumbs } from "@/components/breadcrumbs";
import { CaseStudyLabel } from "@/components/cards/case-study-card";
import { EntryBadge } from "@/components/entry-badge";
import { JsonLd } from "@/components/json-ld";
import { PageFrame } from "@/components/layout/page-frame";
import { Prose } from "@/components/mdx/mdx-content";
import { quoteHref } from "@/components/mdx/quote-cta";
import { PageHeader } from "@/components/page-header";
import { caseStudies, caseStudyService, site } from "@/lib/content";
import { breadcrumbs, pageMetadata } from "@/lib/seo";
import { caseStudyPath, entryPath } from "@/lib/seo/entry-path";

export const dynamicParams = false;

export function generateStaticParams() {
  return caseStudies.params();
}

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const caseStudy = caseStudies.get((await params).slug);
  if (!caseStudy) return {};
  return pageMetadata({ ...caseStudy.data, path: caseStudyPath(caseStudy.slug) });
}

export default async function CaseStudyPage({ params }: Props) {
  const caseStudy = caseStudies.get((await params).slug);
  if (!caseStudy) notFound();
  const { data } = caseStudy;
  const service = caseStudyService(caseStudy);
  const path = caseStudyPath(caseStudy.slug);
  const crumbs = [
    { label: site.labels.home, href: "/" },
    { label: service.data.title, href: entryPath("services", service.slug) },
    { label: data.title, href: path },
  ];
  const facts = [
    { label: site.labels.problem, text: data.problem },
    { label: site.labels.built, text: data.built },
    { label: site.labels.outcome, text: data.outcome },
  ];
  return (
    <PageFrame path={path} cta={{ service: service.slug }}>
      <JsonLd data={breadcrumbs(crumbs)} />
      <PageHeader heading={data.title} lead={data.description} badge={<EntryBadge data={data} />}>
        <Breadcrumbs items={crumbs} />
        <CaseStudyLabel data={data} className="mb-3 text-brand-800" />
      </PageHeader>
      <div className="container-page grid gap-12 py-12 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="max-w-3xl">
          {data.metric ? (
            <p className="mb-8 rounded-lg bg-brand-50 p-6 ring-1 ring-brand-100">
              <span className="block text-4xl font-bold text-brand-800">{data.metric.value}</span>
              <span className="mt-1 block text-lg text-slate-700">{data.metric.label}</span>
            </p>
          ) : null}
          {facts.map((fact) => (
            <section key={fact.label} className="mb-8">
              <h2 className="text-2xl font-bold tracking-tight text-ink">{fact.label}</h2>
              <p className="mt-3 leading-7 text-slate-700">{fact.text}</p>
            </section>
          ))}
          {data.quote ? (
            <figure className="my-10 border-l-4 border-brand-700 pl-6">
              <blockquote className="text-xl text-ink">
                <p>“{data.quote.text}”</p>
              </blockquote>
              <figcaption className="mt-3 text-slate-700">
                {data.quote.name}
                {data.quote.role ? `, ${data.quote.role}` : null}
              </figcaption>
            </figure>
          ) : null}
          {caseStudy.body.trim() ? (
            <Prose source={caseStudy.body} file={caseStudy.file} line={caseStudy.bodyLine} />
          ) : null}
        </div>
        <aside
          aria-labelledby="case-study-facts"
          className="h-fit space-y-6 rounded-lg border border-slate-200 p-6 lg:sticky lg:top-24"
        >
          <h2 id="case-study-facts" className="sr-only">
            {data.title}
          </h2>
          <div>
            <h3 className="font-semibold text-ink">{site.labels.client}</h3>
            <p className="mt-1 text-slate-700">{data.client}</p>
          </div>
          <div>
            <h3 className="font-semibold text-ink">{site.labels.technologies}</h3>
            <ul className="mt-2 flex flex-wrap gap-2">
              {data.technologies.map((tech) => (
                <li key={tech} className="rounded-full bg-slate-100 px-3 py-1 text-sm text-slate-700">
                  {tech}
                </li>
              ))}
            </ul>
          </div>
          <div>
            <h3 className="font-semibold text-ink">{site.labels.relatedCaseStudies}</h3>
            <p className="mt-1">
              <a href={entryPath("services", service.slug)} className="text-brand-800 underline underline-offset-2">
                {service.data.title}
              </a>
            </p>
          </div>
          <a href={quoteHref({ service: service.slug })} className="button-primary w-full" data-testid="similar-quote">
            {site.labels.similarQuote}
          </a>
        </aside>
      </div>
    </PageFrame>
  );
}
