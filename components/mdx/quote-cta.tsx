import { site } from "@/lib/content";
import { interestValue } from "@/lib/quotes/fields";
import { quotePath } from "@/lib/routes";

export type QuoteCtaProps = { service?: string; product?: string; heading?: string; text?: string; label?: string };

/** Builds the /quote link, preselecting a service or product when one is given. */
export function quoteHref({ service, product }: Pick<QuoteCtaProps, "service" | "product">): string {
  const choice = service ? interestValue("service", service) : product ? interestValue("product", product) : undefined;
  return quotePath(choice);
}

/** The in-content call to action that leads to the quote form. */
export function QuoteCta({ service, product, heading, text, label }: QuoteCtaProps) {
  return (
    <div className="not-prose my-10 rounded-lg bg-brand-50 p-6 ring-1 ring-brand-100">
      <p className="text-lg font-semibold text-ink">{heading ?? site.cta.heading}</p>
      <p className="mt-2 text-slate-700">{text ?? site.cta.text}</p>
      <a href={quoteHref({ service, product })} className="button-primary mt-4">
        {label ?? site.cta.link.label}
      </a>
    </div>
  );
}
