// The measurement behind `npm run perf:js` and tests/perf/desk-js.ts: the scripts a page loaded on a first
// visit, as transferred (compressed) and as parsed, counted in Chromium's resource timing.
import fs from "node:fs";
import { chromium, type Browser, type BrowserContext } from "@playwright/test";
import { pace } from "../helpers/pace";

export const JS_TABLE_HEADER = "| route | scripts | JS transferred (KB) | JS parsed (KB) |\n|---|---|---|---|";

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? (fs.existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined),
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
  });
}

export type JsFigures = { scripts: number; transferredKb: number; parsedKb: number };

/** Loads `url` in a new page of `context` (give it a fresh context for an empty cache) and returns a table row. */
export async function jsRow(context: Browser | BrowserContext, url: string, label: string): Promise<string> {
  return jsTableRow(label, await jsFigures(context, url));
}

export function jsTableRow(label: string, figures: JsFigures): string {
  return `| ${label} | ${figures.scripts} | ${figures.transferredKb.toFixed(1)} | ${figures.parsedKb.toFixed(1)} |`;
}

/** The scripts `url` loads on a first visit in a new page of `context`: how many, KB transferred and parsed. */
export async function jsFigures(context: Browser | BrowserContext, url: string): Promise<JsFigures> {
  const page = await context.newPage();
  await page.goto(url, { waitUntil: "networkidle" });
  await pace(1500, "scripts the page loads after network idle (prefetches) are counted too");
  const scripts = await page.evaluate(() =>
    (performance.getEntriesByType("resource") as PerformanceResourceTiming[])
      .filter((entry) => entry.initiatorType === "script" || entry.name.endsWith(".js"))
      .map((entry) => ({ transfer: entry.transferSize, decoded: entry.decodedBodySize })),
  );
  await page.close();
  const kb = (key: "transfer" | "decoded") => scripts.reduce((total, entry) => total + entry[key], 0) / 1024;
  return { scripts: scripts.length, transferredKb: kb("transfer"), parsedKb: kb("decoded") };
}
