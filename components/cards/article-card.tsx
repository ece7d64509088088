import { EntryBadge } from "@/components/entry-badge";
import { CARD } from "./card-class";
import type { Entry } from "@/lib/content";
import type { Article } from "@/lib/content/schemas";
import { formatDate } from "@/components/format/format-date";
import { entryPath } from "@/lib/seo/entry-path";

export function ArticleCard({ article, headingLevel = 2 }: { article: Entry<Article>; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <article className={`relative rounded-lg ${CARD}`}>
      <p className="text-sm text-slate-600">
        <time dateTime={article.data.published}>{formatDate(article.data.published)}</time>
        {" · "}
        {article.data.author}
      </p>
      <Heading className="mt-2 text-xl font-semibold text-ink">
        <a href={entryPath("articles", article.slug)} className="after:absolute after:inset-0 hover:text-brand-800">
          {article.data.title}
        </a>
        <EntryBadge data={article.data} />
      </Heading>
      <p className="mt-3 text-slate-600">{article.data.description}</p>
    </article>
  );
}
