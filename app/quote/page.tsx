import type { Metadata } from "next";
import { PageFrame } from "@/components/layout/page-frame";
import { headers } from "next/headers";
import { PageHeader } from "@/components/page-header";
import { Prose } from "@/components/mdx/mdx-content";
import { QuoteForm } from "@/components/quote/quote-form";
import { getPage } from "@/lib/content";
import { env } from "@/lib/env";
import { interestGroups, quoteCopy, quoteChoices } from "@/lib/quotes/catalog";
import { hiddenFields, preselectedInterest, type SearchParams } from "@/lib/quotes/form-context";
import { issueFormToken } from "@/lib/quotes/form-token";
import { pageMetadata } from "@/lib/seo";
import { ownHosts } from "@/lib/site-url";
import { sendQuote } from "./actions";

export function generateMetadata(): Metadata {
  const page = getPage("quote");
  return pageMetadata({ ...page.data, path: "/quote" });
}

type Props = { searchParams: Promise<SearchParams> };

// Rendered per request: each rendering carries a freshly signed form token.
export default async function QuotePage({ searchParams }: Props) {
  const page = getPage("quote");
  const params = await searchParams;
  const requestHeaders = await headers();

  return (
    <PageFrame path="/quote">
      <PageHeader heading={page.data.heading} lead={page.data.lead} />
      <div className="container-page grid gap-12 py-12 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="relative max-w-3xl">
          <QuoteForm
            action={sendQuote}
            copy={quoteCopy}
            interests={interestGroups()}
            formToken={issueFormToken(env().FORM_SECRET)}
            preselect={preselectedInterest(params, quoteChoices())}
            hidden={hiddenFields(requestHeaders.get("referer"), ownHosts(requestHeaders), params)}
          />
        </div>
        <div className="h-fit rounded-lg border border-slate-200 p-6 lg:sticky lg:top-24">
          <Prose source={page.body} file={page.file} />
        </div>
      </div>
    </PageFrame>
  );
}
