import { EntryBadge } from "@/components/entry-badge";
import { Link } from "@/components/link";
import { site, type Entry } from "@/lib/content";
import type { Product } from "@/lib/content/schemas";
import { entryPath } from "@/lib/seo/entry-path";

export function ProductCard({ product, headingLevel = 3 }: { product: Entry<Product>; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <article className="relative flex flex-col rounded-lg border border-slate-200 bg-white p-6 shadow-sm transition-shadow focus-within:shadow-md hover:shadow-md">
      <p className="text-sm font-semibold tracking-wide text-brand-700 uppercase">{site.labels.product}</p>
      <Heading className="mt-2 text-xl font-semibold text-ink">
        <Link href={entryPath("products", product.slug)} className="after:absolute after:inset-0 hover:text-brand-800">
          {product.data.title}
        </Link>
        <EntryBadge data={product.data} />
      </Heading>
      <p className="mt-1 font-medium text-slate-700">{product.data.tagline}</p>
      <p className="mt-3 text-slate-600">{product.data.summary}</p>
    </article>
  );
}
