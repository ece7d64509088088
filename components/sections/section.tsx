import type { ReactNode } from "react";

/** A home-page band with an h2 and an optional intro. */
export function Section({
  id,
  heading,
  intro,
  children,
  tone = "white",
}: {
  id: string;
  heading: string;
  intro?: string;
  children: ReactNode;
  tone?: "white" | "muted";
}) {
  return (
    <section
      aria-labelledby={`${id}-heading`}
      className={`defer-render ${tone === "muted" ? "bg-slate-50 py-16" : "py-16"}`}
    >
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
