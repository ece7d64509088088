import type { ReactNode } from "react";
import { ContentProblems } from "@/components/content-problems";
import { QuoteBand } from "@/components/sections/quote-band";
import { SiteHeader } from "./site-header";

/** What the page's closing call to action offers: the quote form (preselected), or nothing (the form itself). */
export type PageCta = { service?: string; product?: string } | false;

/**
 * The header, main landmark and closing call to action of a page. Each page renders its own frame
 * with its path, so the header is plain server-rendered HTML that already knows the current section
 * (a layout is shared between pages and cannot), and no client component is needed to mark it.
 *
 * The quote band is the page's one call-to-action block: pages about a service or product pass it
 * to preselect that choice, and /quote leaves it out (`cta={false}`), so no page repeats it.
 */
export function PageFrame({ path, cta = {}, children }: { path?: string; cta?: PageCta; children: ReactNode }) {
  return (
    <>
      <SiteHeader currentPath={path} />
      <main id="main" tabIndex={-1} className="flex-1 focus:outline-none">
        <ContentProblems />
        {children}
      </main>
      {cta ? <QuoteBand {...cta} /> : null}
    </>
  );
}
