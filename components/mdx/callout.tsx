import type { ReactNode } from "react";

const tones = {
  tip: "border-brand-700 bg-brand-50",
  note: "border-sky-700 bg-sky-50",
  warning: "border-amber-700 bg-amber-50",
} as const;

export type CalloutProps = { tone?: keyof typeof tones; title?: string; children: ReactNode };

/** A highlighted aside in MDX: a tip, a note or a warning. */
export function Callout({ tone = "note", title, children }: CalloutProps) {
  return (
    <div
      role="note"
      className={`not-prose my-8 rounded-r-md border-l-4 px-5 py-4 ${tones[tone] ?? tones.note}`}
      aria-label={title}
      data-callout={tone}
    >
      {title ? <p className="font-semibold text-ink">{title}</p> : null}
      <div
        className={[
          "mt-1 text-slate-800 [&_a]:font-medium [&_a]:text-brand-800 [&_a]:underline",
          "[&_p]:mt-2 first:[&_p]:mt-0",
        ].join(" ")}
      >
        {children}
      </div>
    </div>
  );
}
