import type { Metadata } from "next";
import { PageFrame } from "@/components/layout/page-frame";
import { headers } from "next/headers";
import { PageHeader } from "@/components/page-header";
import { Prose } from "@/components/mdx/mdx-content";
import { QuoteForm } from "@/components/quote/quote-form";
import { getPage } from "@/lib/content";
import { env } from "@/lib/env";
import { interestGroups, quoteCopy, quoteChoices } from "@/lib/quotes/catalog";
import { issueFormToken } from "@/lib/quotes/form-token";
import { pageMetadata } from "@/lib/seo";
import { siteUrl } from "@/lib/site-url";

export function generateMetadata(): Metadata {
  const page = getPage("quote");
  return pageMetadata({ ...page.data, path: "/quote" });
}

const UTM_KEYS = ["utm_source", "utm_medium", "utm_campaign", "utm_term", "utm_content"] as const;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The path of the page the visitor came from on this site (SITE_URL's host, or the request's), if any. */
function sourcePath(referer: string | null, hosts: (string | null)[]): string | undefined {
  if (!referer || !URL.canParse(referer)) return undefined;
  const url = new URL(referer);
  return hosts.includes(url.host) ? url.pathname : undefined;
}

// Rendered per request: each rendering carries a freshly signed form token.
export default async function QuotePage({ searchParams }: Props) {
  const page = getPage("quote");
  const params = await searchParams;
  const requestHeaders = await headers();
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

  const wanted = first(params.interest);
  const preselect = quoteChoices().interests.some((choice) => choice.value === wanted) ? wanted : undefined;
  const hidden: Record<string, string> = {};
  const from = sourcePath(requestHeaders.get("referer"), [
    siteUrl().host,
    requestHeaders.get("x-forwarded-host"),
    requestHeaders.get("host"),
  ]);
  if (from) hidden.sourcePath = from;
  for (const key of UTM_KEYS) {
    const value = first(params[key]);
    if (value) hidden[key] = value.slice(0, 100);
  }

  return (
    <PageFrame path="/quote" cta={false}>
      <PageHeader heading={page.data.heading} lead={page.data.lead} />
      <div className="container-page grid gap-12 py-12 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="relative max-w-3xl">
          <QuoteForm
            copy={quoteCopy}
            interests={interestGroups()}
            formToken={issueFormToken(env().FORM_SECRET)}
            preselect={preselect}
            hidden={hidden}
          />
        </div>
        <div className="h-fit rounded-lg border border-slate-200 p-6 lg:sticky lg:top-24">
          <Prose source={page.body} file={page.file} />
        </div>
      </div>
    </PageFrame>
  );
}
