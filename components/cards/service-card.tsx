import { CARD } from "./card-class";
import { site, type Entry } from "@/lib/content";
import type { Service } from "@/lib/content/schemas";
import { entryPath } from "@/lib/seo/entry-path";

export function ServiceCard({ service, headingLevel = 3 }: { service: Entry<Service>; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <article className={`relative flex flex-col rounded-lg ${CARD}`}>
      <Heading className="text-xl font-semibold text-ink">
        <a href={entryPath("services", service.slug)} className="after:absolute after:inset-0 hover:text-brand-800">
          {service.data.title}
        </a>
      </Heading>
      <p className="mt-3 flex-1 text-slate-600">{service.data.summary}</p>
      <ul className="mt-4 flex flex-wrap gap-2" aria-label={site.labels.technologies}>
        {service.data.technologies.map((tech) => (
          <li key={tech} className="rounded-full bg-slate-100 px-3 py-1 text-sm text-slate-700">
            {tech}
          </li>
        ))}
      </ul>
    </article>
  );
}
