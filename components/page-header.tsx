import type { ReactNode } from "react";

/** The page's one h1 with its lead paragraph. */
export function PageHeader({
  heading,
  lead,
  badge,
  children,
}: {
  heading: string;
  lead?: string;
  /** Shown after the heading's text (the development-only Draft badge). */
  badge?: ReactNode;
  children?: ReactNode;
}) {
  return (
    <div className="border-b border-slate-200 bg-slate-50">
      <div className="container-page py-12 md:py-16">
        {children}
        <h1 className="max-w-4xl text-3xl font-bold tracking-tight text-ink md:text-5xl">
          {heading}
          {badge}
        </h1>
        {lead ? <p className="mt-4 max-w-3xl text-lg text-slate-700">{lead}</p> : null}
      </div>
    </div>
  );
}
