"use client";

import { SiteHeader } from "@/components/layout/site-header";
import { useEffect } from "react";
// Raw facts (see components/layout/site-header.tsx): the validator would add zod to every page's JavaScript.
import { site } from "@/content/site";

/**
 * Shown when rendering fails, under the site header like any page. Visitors never see the error's
 * details; in development the owner sees its message (a content error names the file and field).
 */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <>
      <SiteHeader />
      <main id="main" tabIndex={-1} className="container-page flex-1 py-16 focus:outline-none">
        <h1 className="text-3xl font-bold tracking-tight text-ink md:text-5xl">{site.messages.errorHeading}</h1>
        <p className="mt-4 max-w-2xl text-lg text-slate-700">{site.messages.errorText}</p>
        {process.env.NODE_ENV === "development" ? (
          <pre
            data-testid="dev-error"
            className={[
              "mt-6 max-w-3xl rounded-md border border-red-700 bg-red-50 p-4",
              "text-sm whitespace-pre-wrap text-red-900",
            ].join(" ")}
          >
            {error.message}
          </pre>
        ) : null}
        {error.digest ? (
          <p className="mt-2 text-sm text-slate-600">
            {site.labels.errorReference}: {error.digest}
          </p>
        ) : null}
        <div className="mt-8 flex flex-wrap gap-4">
          <button type="button" className="button-primary" onClick={reset}>
            {site.messages.errorRetry}
          </button>
          <a href="/" className="button-secondary">
            {site.messages.errorHome}
          </a>
        </div>
      </main>
    </>
  );
}
