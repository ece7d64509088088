import type { Metadata } from "next";
import { ArticleCard } from "@/components/cards/article-card";
import { PageHeader } from "@/components/page-header";
import { Prose } from "@/components/mdx/mdx-content";
import { articles, getPage } from "@/lib/content";
import { pageMetadata } from "@/lib/seo";

export function generateMetadata(): Metadata {
  const page = getPage("articles");
  return pageMetadata({ ...page.data, path: "/articles" });
}

export default function ArticlesPage() {
  const page = getPage("articles");
  return (
    <>
      <PageHeader heading={page.data.heading} lead={page.data.lead} />
      <div className="container-page py-12">
        {page.body.trim() ? (
          <div className="mb-10 max-w-3xl">
            <Prose source={page.body} file={page.file} />
          </div>
        ) : null}
        <div className="grid max-w-3xl gap-6">
          {articles.all().map((article) => (
            <ArticleCard key={article.slug} article={article} />
          ))}
        </div>
      </div>
    </>
  );
}
