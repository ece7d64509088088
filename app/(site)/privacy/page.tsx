import type { Metadata } from "next";
import { ContentPage } from "@/components/content-page";
import { getPage, site } from "@/lib/content";
import { formatDate } from "@/components/format/format-date";
import { retentionSettings } from "@/lib/server/env";
import { fillRetention } from "@/lib/leads/retention-notice";
import { pageMetadata } from "@/lib/seo";

export function generateMetadata(): Metadata {
  const page = getPage("privacy");
  return pageMetadata({ ...page.data, path: "/privacy" });
}

export default function PrivacyPage() {
  const source = getPage("privacy");
  // The retention periods come from the settings the purge enforces (lib/leads/retention.ts).
  const page = { ...source, body: fillRetention(source.body, retentionSettings(), source.file) };
  const updated = page.data.updated ? (
    <p className="mb-6 text-sm text-slate-600">
      {site.labels.lastUpdated} <time dateTime={page.data.updated}>{formatDate(page.data.updated)}</time>
    </p>
  ) : null;
  return <ContentPage page={page} path="/privacy" before={updated} />;
}
