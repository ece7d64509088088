import type { Metadata } from "next";
import { ProductCard } from "@/components/cards/product-card";
import { ContentPage } from "@/components/content-page";
import { getPage, products } from "@/lib/content";
import { pageMetadata } from "@/lib/seo";

export function generateMetadata(): Metadata {
  const page = getPage("products");
  return pageMetadata({ ...page.data, path: "/products" });
}

export default function ProductsPage() {
  const page = getPage("products");
  return (
    <ContentPage page={page} path="/products" wide>
      <div className="grid gap-6 md:grid-cols-2">
        {products.all().map((product) => (
          <ProductCard key={product.slug} product={product} headingLevel={2} />
        ))}
      </div>
    </ContentPage>
  );
}
