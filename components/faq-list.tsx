import { Prose } from "@/components/mdx/mdx-content";
import type { Entry } from "@/lib/content";
import type { Faq } from "@/lib/content/schemas";

/** Questions as headings with their answers, all visible (good for readers and search engines). */
export function FaqList({ items, headingLevel = 2 }: { items: Entry<Faq>[]; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <div className="divide-y divide-slate-200">
      {items.map((item) => (
        <section key={item.slug} aria-labelledby={`faq-${item.slug}`} className="py-6 first:pt-0">
          <Heading id={`faq-${item.slug}`} className="text-xl font-semibold text-ink">
            {item.data.question}
          </Heading>
          <div className="mt-2">
            <Prose source={item.body} file={item.file} line={item.bodyLine} />
          </div>
        </section>
      ))}
    </div>
  );
}
