"use client";

import { useEffect } from "react";
import { deskPaths } from "@/lib/routes";

/** Shown when a desk page fails to render: no details (the server log has them), a retry and the way back. */
export default function DeskError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <main id="main" tabIndex={-1} className="container-page flex-1 py-12 focus:outline-none">
      <h1 className="text-2xl font-bold text-ink">This desk page could not be shown</h1>
      <p className="mt-3 max-w-2xl text-slate-700">
        Nothing was changed by showing it. Try again; if it keeps failing, the server log names the cause
        {error.digest ? ` under the reference ${error.digest}` : ""}.
      </p>
      <div className="mt-6 flex flex-wrap gap-4">
        <button type="button" className="button-primary" onClick={reset}>
          Try again
        </button>
        <a href={deskPaths.inbox} className="button-secondary">
          Back to the inbox
        </a>
      </div>
    </main>
  );
}
