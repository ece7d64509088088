import type { Metadata } from "next";
import type { ReactNode } from "react";

export const metadata: Metadata = {
  title: { default: "Desk", template: "%s | FS Dev desk" },
  robots: { index: false, follow: false },
};

// The desk's pages read the session and the database on every request.
export const dynamic = "force-dynamic";

/** The desk's own chrome: none of the public site's header, quote band or footer (those live in app/(site)). */
export default function DeskLayout({ children }: { children: ReactNode }) {
  return <div className="flex flex-1 flex-col bg-white text-ink">{children}</div>;
}
