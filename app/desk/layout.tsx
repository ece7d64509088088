import type { Metadata } from "next";
import type { ReactNode } from "react";

export const metadata: Metadata = {
  title: { default: "Desk", template: "%s | FS Dev desk" },
  robots: { index: false, follow: false },
};

// The desk's pages read the session and the database on every request.
export const dynamic = "force-dynamic";

/** The site's quote band and footer are for visitors; the desk hides them (its own pages only). */
const HIDE_PUBLIC_CHROME =
  'body:has(#desk) > section[aria-labelledby="quote-band-heading"], body:has(#desk) > footer { display: none; }';

export default function DeskLayout({ children }: { children: ReactNode }) {
  return (
    <div id="desk" className="flex flex-1 flex-col bg-white text-ink">
      <style>{HIDE_PUBLIC_CHROME}</style>
      {children}
    </div>
  );
}
