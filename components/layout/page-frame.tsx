import type { ReactNode } from "react";
import { SiteHeader } from "./site-header";

/**
 * The header and main landmark of a page. Each page renders its own frame with its path, so the
 * header is plain server-rendered HTML that already knows the current section (a layout is shared
 * between pages and cannot), and no client component is needed to mark it.
 */
export function PageFrame({ path, children }: { path?: string; children: ReactNode }) {
  return (
    <>
      <SiteHeader currentPath={path} />
      <main id="main" tabIndex={-1} className="flex-1 focus:outline-none">
        {children}
      </main>
    </>
  );
}
