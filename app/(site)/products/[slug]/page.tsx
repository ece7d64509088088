import type { Metadata } from "next";
import { PageFrame } from "@/components/layout/page-frame";
import { notFound } from "next/navigation";
import { JsonLd } from "@/components/json-ld";
import { Breadcrumbs } from "@/components/breadcrumbs";
import { PageHeader } from "@/components/page-header";
import { Prose } from "@/components/mdx/mdx-content";
import { quoteHref } from "@/components/mdx/quote-cta";
import { products, site } from "@/lib/content";
import { EntryBadge } from "@/components/entry-badge";
import { Figure } from "@/components/mdx/figure";
import { breadcrumbs, entryCrumbs, jsonLdContext, pageMetadata } from "@/lib/seo";
import { softwareApplicationJsonLd } from "@/lib/seo/json-ld";
import { entryPath } from "@/lib/seo/entry-path";

export const dynamicParams = false;

export function generateStaticParams() {
  return products.params();
}

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const product = products.get((await params).slug);
  if (!product) return {};
  return pageMetadata({ ...product.data, path: entryPath("products", product.slug), ownImage: true });
}

export default async function ProductPage({ params }: Props) {
  const product = products.get((await params).slug);
  if (!product) notFound();
  const crumbs = entryCrumbs("products", product);
  return (
    <PageFrame path={entryPath("products", product.slug)} cta={{ product: product.slug }}>
      <JsonLd data={[softwareApplicationJsonLd(product, jsonLdContext()), breadcrumbs(crumbs)]} />
      <PageHeader heading={product.data.title} lead={product.data.tagline} badge={<EntryBadge data={product.data} />}>
        <Breadcrumbs items={crumbs} />
      </PageHeader>
      <div className="container-page grid gap-12 py-12 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="max-w-3xl">
          <p className="text-lg text-slate-700">{product.data.summary}</p>
          {product.data.visual ? (
            <Figure {...product.data.visual} sizes="(min-width: 1024px) 720px, 100vw" priority />
          ) : null}
          <div className="mt-8">
            <Prose source={product.body} file={product.file} line={product.bodyLine} />
          </div>
        </div>
        <section
          aria-labelledby="product-features"
          className="h-fit space-y-6 rounded-lg border border-slate-200 p-6 lg:sticky lg:top-24"
        >
          <h2 id="product-features" className="font-semibold text-ink">
            {site.labels.features}
          </h2>
          <ul className="list-disc space-y-1 pl-5 text-slate-700">
            {product.data.features.map((feature) => (
              <li key={feature}>{feature}</li>
            ))}
          </ul>
          {product.data.url ? (
            <a href={product.data.url} rel="noopener" className="button-secondary w-full" data-testid="product-site">
              {site.labels.visitProduct}
              <span className="sr-only"> ({new URL(product.data.url).host})</span>
            </a>
          ) : null}
          {/* Beside the text on a wide screen; on a narrow one the box ends just above the quote band, whose
              button says the same, so the box leaves its own out there. */}
          <a href={quoteHref({ product: product.slug })} className="button-primary w-full max-lg:hidden">
            {site.cta.link.label}
          </a>
        </section>
      </div>
    </PageFrame>
  );
}
