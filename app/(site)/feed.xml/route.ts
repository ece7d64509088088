import { articles, getPage, site } from "@/lib/content";
import { FEED_PATH } from "@/lib/seo";
import { buildRssFeed } from "@/lib/seo/feed";
import { siteUrl } from "@/lib/server/site-url";
import { entryPath } from "@/lib/seo/entry-path";

export const dynamic = "force-static";

/** /feed.xml: the published articles as RSS 2.0, newest first, written at build time. */
export function GET() {
  const index = getPage("articles");
  const xml = buildRssFeed({
    title: `${site.name}: ${index.data.heading}`,
    description: index.data.description,
    homePath: "/articles",
    feedPath: FEED_PATH,
    language: "en-ZA",
    base: siteUrl(),
    items: articles.all().map((article) => ({
      title: article.data.title,
      path: entryPath("articles", article.slug),
      description: article.data.description,
      published: article.data.published,
      author: article.data.author,
      categories: article.data.tags,
    })),
  });
  return new Response(xml, { headers: { "Content-Type": "application/rss+xml; charset=utf-8" } });
}
