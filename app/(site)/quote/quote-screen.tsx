import type { Metadata } from "next";
import { PageFrame } from "@/components/layout/page-frame";
import { PageHeader } from "@/components/page-header";
import { Prose } from "@/components/mdx/mdx-content";
import { QuoteForm } from "@/components/quote/quote-form";
import { getPage } from "@/lib/content";
import { interestGroups, quoteCopy } from "@/lib/quotes/catalog";
import { QUOTE_PATH } from "@/lib/routes";
import { pageMetadata } from "@/lib/seo";
import { sendQuote } from "./actions";

/**
 * The quote page, the same for every visitor: static, with the interest a quote link asked for selected
 * (app/(site)/quote/for/...). What differs per visitor (the form token, where the visit came from) travels in
 * cookies set by proxy.ts, so nothing here is rendered per request.
 */
export function QuoteScreen({ preselect }: { preselect?: string }) {
  const page = getPage("quote");
  return (
    <PageFrame path={QUOTE_PATH} cta={false}>
      <PageHeader heading={page.data.heading} lead={page.data.lead} />
      {/* Once the request is in, the success screen lists the next steps itself: the aside, which lists them
          for a visitor still deciding, steps out of the way (a CSS :has() rule, so also without JavaScript). */}
      <div className="group container-page grid gap-12 py-12 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="relative max-w-3xl">
          <QuoteForm action={sendQuote} copy={quoteCopy} interests={interestGroups()} preselect={preselect} />
        </div>
        <div
          className={[
            "h-fit rounded-lg border border-slate-200 p-6 lg:sticky lg:top-24",
            "group-has-[#quote-success-heading]:hidden",
          ].join(" ")}
          data-testid="quote-aside"
        >
          <Prose source={page.body} file={page.file} line={page.bodyLine} />
        </div>
      </div>
    </PageFrame>
  );
}

/** Both copies of the form are one page for search engines: /quote. */
export function quoteMetadata(): Metadata {
  return pageMetadata({ ...getPage("quote").data, path: QUOTE_PATH });
}
