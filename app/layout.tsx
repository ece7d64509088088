import type { Metadata, Viewport } from "next";
import { geistSans } from "./fonts/geist-sans";
import type { ReactNode } from "react";
import { SiteFooter } from "@/components/layout/site-footer";
import { QuoteBand } from "@/components/sections/quote-band";
import { site } from "@/lib/content";
import { feedAlternates } from "@/lib/seo";
import { siteUrl } from "@/lib/site-url";
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
  themeColor: "#0f766e",
  width: "device-width",
  initialScale: 1,
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en-ZA" className={geistSans.variable}>
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
        <QuoteBand />
        <SiteFooter />
      </body>
    </html>
  );
}
