import { products, type Entry } from "@/lib/content";
import type { Product } from "@/lib/content/schemas";
import { ProductCard } from "@/components/cards/product-card";

/** A grid of product cards: the given products, or every published product. */
export function ProductCards({ items }: { items?: Entry<Product>[] }) {
  const list = items ?? products.all();
  return (
    <div className="not-prose grid gap-6 md:grid-cols-2">
      {list.map((product) => (
        <ProductCard key={product.slug} product={product} />
      ))}
    </div>
  );
}
