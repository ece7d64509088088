import type { Metadata } from "next";
import { ProductCard } from "@/components/cards/product-card";
import { PageHeader } from "@/components/page-header";
import { Prose } from "@/components/mdx/mdx-content";
import { getPage, products } from "@/lib/content";
import { pageMetadata } from "@/lib/seo";

export function generateMetadata(): Metadata {
  const page = getPage("products");
  return pageMetadata({ ...page.data, path: "/products" });
}

export default function ProductsPage() {
  const page = getPage("products");
  return (
    <>
      <PageHeader heading={page.data.heading} lead={page.data.lead} />
      <div className="container-page py-12">
        {page.body.trim() ? (
          <div className="mb-10 max-w-3xl">
            <Prose source={page.body} file={page.file} />
          </div>
        ) : null}
        <div className="grid gap-6 md:grid-cols-2">
          {products.all().map((product) => (
            <ProductCard key={product.slug} product={product} headingLevel={2} />
          ))}
        </div>
      </div>
    </>
  );
}
