import type { Metadata } from "next";
import { ArticleCard } from "@/components/cards/article-card";
import { ContentPage } from "@/components/content-page";
import { articles, getPage } from "@/lib/content";
import { pageMetadata } from "@/lib/seo";

export function generateMetadata(): Metadata {
  const page = getPage("articles");
  return pageMetadata({ ...page.data, path: "/articles" });
}

export default function ArticlesPage() {
  const page = getPage("articles");
  return (
    <ContentPage page={page} path="/articles" wide>
      <div className="grid max-w-3xl gap-6">
        {articles.all().map((article) => (
          <ArticleCard key={article.slug} article={article} />
        ))}
      </div>
    </ContentPage>
  );
}
