import { EntryBadge } from "@/components/entry-badge";
import { CARD } from "./card-class";
import { site, type Entry } from "@/lib/content";
import type { CaseStudy } from "@/lib/content/schemas";
import { caseStudyPath } from "@/lib/seo/entry-path";

/** A case study in a list: client or sector, title, the outcome (and its figure when there is one). */
/** "CASE STUDY  A digital agency · Digital marketing": the label, then the client and sector. */
export function CaseStudyLabel({ data, className }: { data: CaseStudy; className: string }) {
  return (
    <p className={`font-semibold tracking-wide uppercase ${className}`}>
      {site.labels.caseStudy}
      <span className="sr-only">:</span>
      <span className="ml-2 font-medium tracking-normal text-slate-700 normal-case">
        {data.client}
        {data.sector && data.sector !== data.client ? ` · ${data.sector}` : null}
      </span>
    </p>
  );
}

export function CaseStudyCard({ caseStudy, headingLevel = 3 }: { caseStudy: Entry<CaseStudy>; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const { data } = caseStudy;
  return (
    <article className={`relative flex flex-col rounded-lg ${CARD}`}>
      <CaseStudyLabel data={data} className="text-sm text-brand-700" />
      <Heading className="mt-2 text-xl font-semibold text-ink">
        <a href={caseStudyPath(caseStudy.slug)} className="after:absolute after:inset-0 hover:text-brand-800">
          {data.title}
        </a>
        <EntryBadge data={data} />
      </Heading>
      {data.metric ? (
        <p className="mt-3">
          <span className="text-3xl font-bold text-brand-800">{data.metric.value}</span>{" "}
          <span className="text-slate-700">{data.metric.label}</span>
        </p>
      ) : null}
      <p className="mt-3 flex-1 text-slate-600">{data.outcome}</p>
    </article>
  );
}
