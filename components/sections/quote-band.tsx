import { quoteHref } from "@/components/mdx/quote-cta";
import { site } from "@/lib/content";

/** The call to action at the foot of a page, preselecting the page's service or product when it has one. */
export function QuoteBand({ service, product }: { service?: string; product?: string }) {
  return (
    <section
      aria-labelledby="quote-band-heading"
      data-testid="quote-band"
      className={[
        "defer-render border-t border-transparent bg-brand-900 text-white",
        "dark:border-brand-100 dark:bg-brand-50 dark:text-ink",
      ].join(" ")}
    >
      <div
        className={[
          "container-page flex flex-col items-start gap-4 py-12",
          "md:flex-row md:items-center md:justify-between",
        ].join(" ")}
      >
        <div>
          <h2 id="quote-band-heading" className="text-2xl font-bold">
            {site.cta.heading}
          </h2>
          <p className="mt-2 max-w-2xl text-brand-50 dark:text-slate-700">{site.cta.text}</p>
        </div>
        <a
          href={quoteHref({ service, product })}
          className={[
            "inline-flex min-h-11 shrink-0 items-center justify-center rounded-md px-5 py-2.5 font-semibold",
            "bg-white text-brand-900 hover:bg-brand-50",
            "dark:bg-brand-700 dark:text-on-brand dark:hover:bg-brand-800",
          ].join(" ")}
        >
          {site.cta.link.label}
        </a>
      </div>
    </section>
  );
}
