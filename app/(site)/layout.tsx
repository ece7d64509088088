import type { ReactNode } from "react";
import { SiteFooter } from "@/components/layout/site-footer";

/**
 * The public site's chrome below each page: the footer. The header and the closing quote band are part of
 * each page's frame (components/layout/page-frame.tsx), since they depend on the page's path.
 */
export default function SiteLayout({ children }: { children: ReactNode }) {
  return (
    <>
      {children}
      <SiteFooter />
    </>
  );
}
