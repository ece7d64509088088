import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { Prose } from "@/components/mdx/mdx-content";
import { getPage, site } from "@/lib/content";
import { formatDate } from "@/lib/format-date";
import { pageMetadata } from "@/lib/seo";

export function generateMetadata(): Metadata {
  const page = getPage("privacy");
  return pageMetadata({ ...page.data, path: "/privacy" });
}

export default function PrivacyPage() {
  const page = getPage("privacy");
  return (
    <>
      <PageHeader heading={page.data.heading} lead={page.data.lead} />
      <div className="container-page py-12">
        <div className="max-w-3xl">
          {page.data.updated ? (
            <p className="mb-6 text-sm text-slate-600">
              {site.labels.lastUpdated} <time dateTime={page.data.updated}>{formatDate(page.data.updated)}</time>
            </p>
          ) : null}
          <Prose source={page.body} file={page.file} />
        </div>
      </div>
    </>
  );
}
