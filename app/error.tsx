"use client";

import { useEffect } from "react";
import { site } from "@/content/site";

/** Shown when rendering fails; never shows the error's details to the visitor. */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <main id="main" tabIndex={-1} className="container-page flex-1 py-16 focus:outline-none">
      <h1 className="text-3xl font-bold tracking-tight text-ink md:text-5xl">{site.messages.errorHeading}</h1>
      <p className="mt-4 max-w-2xl text-lg text-slate-700">{site.messages.errorText}</p>
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
          {site.name}
        </a>
      </div>
    </main>
  );
}
