import type { ReactNode, Ref } from "react";

type Props = {
  /** Names the panel: its test id, and `<name>-heading` its heading's id. */
  name: string;
  heading: ReactNode;
  /** The form moves focus here once the panel shows. */
  headingRef: Ref<HTMLHeadingElement>;
  children: ReactNode;
};

/** What replaces a public form (the quote, a privacy request) once it is sent: a heading and what follows. */
export function SentPanel({ name, heading, headingRef, children }: Props) {
  return (
    <section
      aria-labelledby={`${name}-heading`}
      className="rounded-lg border border-brand-700 bg-brand-50 p-6"
      data-testid={name}
    >
      <h2 id={`${name}-heading`} ref={headingRef} tabIndex={-1} className="text-2xl font-bold text-ink">
        {heading}
      </h2>
      {children}
    </section>
  );
}
