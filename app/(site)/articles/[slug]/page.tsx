import type { Metadata } from "next";
import { PageFrame } from "@/components/layout/page-frame";
import { notFound } from "next/navigation";
import { JsonLd } from "@/components/json-ld";
import { Breadcrumbs } from "@/components/breadcrumbs";
import { Figure } from "@/components/mdx/figure";
import { Prose } from "@/components/mdx/mdx-content";
import { RelatedSection } from "@/components/related-section";
import { ProductCards } from "@/components/mdx/product-cards";
import { articles, relatedProducts, site } from "@/lib/content";
import { EntryBadge } from "@/components/entry-badge";
import { formatDate } from "@/components/format/format-date";
import { breadcrumbs, entryCrumbs, jsonLdContext, ogImagePath, pageMetadata } from "@/lib/seo";
import { articleJsonLd } from "@/lib/seo/json-ld";
import { entryPath } from "@/lib/seo/entry-path";

export const dynamicParams = false;

export function generateStaticParams() {
  return articles.params();
}

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const article = articles.get((await params).slug);
  if (!article) return {};
  return pageMetadata({
    ...article.data,
    path: entryPath("articles", article.slug),
    type: "article",
    publishedTime: article.data.published,
    modifiedTime: article.data.updated ?? article.data.published,
    authors: [article.data.author],
    tags: article.data.tags,
    ownImage: true,
  });
}

export default async function ArticlePage({ params }: Props) {
  const article = articles.get((await params).slug);
  if (!article) notFound();
  const path = entryPath("articles", article.slug);
  const crumbs = entryCrumbs("articles", article);
  const related = relatedProducts(article);
  const { heroImage } = article.data;
  return (
    <PageFrame path={path}>
      <article className="container-page py-10">
        <JsonLd
          data={[articleJsonLd(article, jsonLdContext(), { images: [ogImagePath(path)] }), breadcrumbs(crumbs)]}
        />
        <div className="mx-auto max-w-3xl">
          <Breadcrumbs items={crumbs} />
          <header>
            <h1 className="text-3xl font-bold tracking-tight text-ink md:text-5xl">
              {article.data.title}
              <EntryBadge data={article.data} />
            </h1>
            <p className="mt-4 text-lg text-slate-700">{article.data.description}</p>
            <p className="mt-4 text-sm text-slate-600">
              {article.data.author} ·{" "}
              <time dateTime={article.data.published}>{formatDate(article.data.published)}</time>
            </p>
          </header>
          <Figure {...heroImage} priority sizes="(min-width: 768px) 768px, 100vw" />
          <Prose source={article.body} file={article.file} line={article.bodyLine} />
          {related.length > 0 ? (
            <RelatedSection id="related-products" heading={site.labels.relatedProducts}>
              <ProductCards items={related} />
            </RelatedSection>
          ) : null}
        </div>
      </article>
    </PageFrame>
  );
}
