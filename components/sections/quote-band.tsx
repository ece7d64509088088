import { site } from "@/lib/content";

/** The call to action at the foot of every page. */
export function QuoteBand() {
  return (
    <section aria-labelledby="quote-band-heading" className="defer-render bg-brand-900 text-white">
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
          <p className="mt-2 max-w-2xl text-brand-50">{site.cta.text}</p>
        </div>
        <a
          href={site.cta.link.href}
          className={[
            "inline-flex min-h-11 items-center justify-center rounded-md px-5 py-2.5 font-semibold",
            "bg-white text-brand-900 hover:bg-brand-50",
          ].join(" ")}
        >
          {site.cta.link.label}
        </a>
      </div>
    </section>
  );
}
