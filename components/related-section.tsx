import type { ReactNode } from "react";

/** A titled block under an entry's body: an article's related products, a service's case studies. */
export function RelatedSection({ id, heading, children }: { id: string; heading: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="mt-12">
      <h2 id={id} className="text-2xl font-bold text-ink">
        {heading}
      </h2>
      <div className="mt-6">{children}</div>
    </section>
  );
}
