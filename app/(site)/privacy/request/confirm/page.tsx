import type { Metadata } from "next";
import { PageFrame } from "@/components/layout/page-frame";
import { PageHeader } from "@/components/page-header";
import { ConfirmPrivacyForm } from "@/components/privacy/confirm-privacy-form";
import { privacyCopy } from "@/lib/privacy/copy";
import { PRIVACY_CONFIRM_PATH, PRIVACY_REQUEST_PATH } from "@/lib/routes";
import { confirmPrivacyAction } from "./actions";

/**
 * Where the link mailed to a privacy request's address leads. Rendered per request (it reads the link's token):
 * the one public page that is not static, reached only from that email, and kept out of search results.
 */
export const metadata: Metadata = {
  title: privacyCopy.confirm.title,
  robots: { index: false, follow: false },
};

export default async function ConfirmPrivacyRequestPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const token = typeof params.token === "string" ? params.token.slice(0, 100) : undefined;
  const result = params.result;
  const { confirm } = privacyCopy;
  return (
    <PageFrame path={PRIVACY_CONFIRM_PATH} cta={false}>
      <PageHeader heading={confirm.title} />
      <div className="container-page max-w-3xl py-12" data-testid="privacy-confirm">
        {result === "confirmed" ? (
          <section aria-labelledby="confirm-outcome" className="rounded-lg border border-brand-700 bg-brand-50 p-6">
            <h2 id="confirm-outcome" className="text-2xl font-bold text-ink">
              {confirm.done.heading}
            </h2>
            <p className="mt-3 text-slate-700">{confirm.done.text}</p>
          </section>
        ) : token && result === undefined ? (
          <ConfirmPrivacyForm action={confirmPrivacyAction} token={token} text={confirm.text} button={confirm.button} />
        ) : (
          <section aria-labelledby="confirm-outcome">
            <h2 id="confirm-outcome" className="text-2xl font-bold">
              {confirm.invalid.heading}
            </h2>
            <p className="mt-3 text-slate-700">{confirm.invalid.text}</p>
            <a href={PRIVACY_REQUEST_PATH} className="button-secondary mt-6">
              {confirm.invalid.again}
            </a>
          </section>
        )}
      </div>
    </PageFrame>
  );
}
