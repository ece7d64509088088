import type { ReactNode } from "react";

/**
 * A home-page band with an h2 and an optional intro. Bands alternate white and muted by their
 * position (`.band` in app/globals.css), so a band the page leaves out never puts two alike together.
 */
export function Section({
  id,
  heading,
  intro,
  children,
}: {
  id: string;
  heading: string;
  intro?: string;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={`${id}-heading`} className="band py-16">
      <div className="container-page">
        <h2 id={`${id}-heading`} className="text-3xl font-bold tracking-tight text-ink">
          {heading}
        </h2>
        {intro ? <p className="mt-4 max-w-3xl text-lg text-slate-700">{intro}</p> : null}
        <div className="mt-10">{children}</div>
      </div>
    </section>
  );
}
