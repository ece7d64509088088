import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { site } from "@/lib/content";
import { feedAlternates } from "@/lib/seo";
import { siteUrl } from "@/lib/server/site-url";
import "./globals.css";

export const metadata: Metadata = {
  metadataBase: siteUrl(),
  title: { default: site.name, template: `%s | ${site.name}` },
  description: site.description,
  applicationName: site.name,
  authors: [{ name: site.owner.name }],
  creator: site.owner.name,
  formatDetection: { telephone: false, email: false, address: false },
  alternates: { types: feedAlternates },
};

export const viewport: Viewport = {
  // The browser's own bars follow the visitor's colour scheme, like the page (app/globals.css).
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#0f766e" },
    { media: "(prefers-color-scheme: dark)", color: "#0b1120" },
  ],
  colorScheme: "light dark",
  width: "device-width",
  initialScale: 1,
};

/**
 * What the public site and the desk share: the document, the skip link. Each route group adds its
 * own chrome (app/(site)/layout.tsx, app/(desk)/desk/layout.tsx); not-found and error render under this
 * layout alone, so they bring the public chrome themselves.
 */
export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en-ZA">
      <body className="flex min-h-dvh flex-col font-sans">
        <a
          href="#main"
          className={[
            "sr-only z-50 rounded-md bg-white px-4 py-3 font-semibold text-brand-800 ring-2 ring-brand-700",
            "focus:not-sr-only focus:fixed focus:top-4 focus:left-4",
          ].join(" ")}
        >
          {site.messages.skipLink}
        </a>
        {children}
      </body>
    </html>
  );
}
