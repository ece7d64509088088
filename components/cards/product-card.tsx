import { CARD } from "./card-class";
import { site, type Entry } from "@/lib/content";
import type { Product } from "@/lib/content/schemas";
import { entryPath } from "@/lib/seo/entry-path";

export function ProductCard({ product, headingLevel = 3 }: { product: Entry<Product>; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <article className={`relative flex flex-col rounded-lg ${CARD}`}>
      <p className="text-sm font-semibold tracking-wide text-brand-700 uppercase">{site.labels.product}</p>
      <Heading className="mt-2 text-xl font-semibold text-ink">
        <a href={entryPath("products", product.slug)} className="after:absolute after:inset-0 hover:text-brand-800">
          {product.data.title}
        </a>
      </Heading>
      <p className="mt-1 font-medium text-slate-700">{product.data.tagline}</p>
      <p className="mt-3 text-slate-600">{product.data.summary}</p>
    </article>
  );
}
