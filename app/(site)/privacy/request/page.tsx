import type { Metadata } from "next";
import { PageFrame } from "@/components/layout/page-frame";
import { PageHeader } from "@/components/page-header";
import { PrivacyRequestForm } from "@/components/privacy/privacy-request-form";
import { privacyCopy } from "@/lib/privacy/copy";
import { PRIVACY_REQUEST_PATH } from "@/lib/routes";
import { pageMetadata } from "@/lib/seo";
import { sendPrivacyRequest } from "./actions";

// Static like every other public page; the form token travels in a cookie set by proxy.ts.
export const dynamic = "error";

/** A form, not content: kept out of search results and the sitemap (the privacy notice links to it). */
export function generateMetadata(): Metadata {
  return {
    ...pageMetadata({ title: privacyCopy.title, description: privacyCopy.description, path: PRIVACY_REQUEST_PATH }),
    robots: { index: false, follow: true },
  };
}

export default function PrivacyRequestPage() {
  return (
    <PageFrame path={PRIVACY_REQUEST_PATH} cta={false}>
      <PageHeader heading={privacyCopy.title} lead={privacyCopy.intro} />
      <div className="container-page relative max-w-3xl py-12">
        <PrivacyRequestForm action={sendPrivacyRequest} copy={privacyCopy} />
      </div>
    </PageFrame>
  );
}
