import localFont from "next/font/local";

/**
 * Geist Sans, self-hosted: a Latin subset of the variable font (see subset-geist.sh), preloaded,
 * with a size-adjusted local fallback so the swap does not shift the layout.
 */
export const geistSans = localFont({
  src: "./geist-sans-latin.woff2",
  variable: "--font-geist-sans",
  weight: "100 900",
  display: "swap",
  fallback: ["ui-sans-serif", "system-ui", "sans-serif"],
});
