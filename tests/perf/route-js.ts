// `npm run perf:js` (after a build): the JavaScript each route loads on a first visit, as transferred
// (compressed) and as parsed, measured in Chromium against `next start`. Next 16's build output no longer
// prints "First Load JS", so this prints it. Scripts fetched after load (none: internal links are plain anchors)
// count too.
import fs from "node:fs";
import { chromium } from "@playwright/test";
import { publishedRoutes } from "@/lib/seo/routes";
import { startQuoteServer } from "../helpers/quote-server";

const server = await startQuoteServer({ port: 3996 });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? (fs.existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined),
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
});
try {
  const routes = publishedRoutes().map((route) => route.path);
  console.log("| route | scripts | JS transferred (KB) | JS parsed (KB) |\n|---|---|---|---|");
  for (const route of routes) {
    const page = await browser.newPage();
    await page.goto(`${server.url}${route}`, { waitUntil: "networkidle" });
    await page.waitForTimeout(1500);
    const scripts = await page.evaluate(() =>
      (performance.getEntriesByType("resource") as PerformanceResourceTiming[])
        .filter((entry) => entry.initiatorType === "script" || entry.name.endsWith(".js"))
        .map((entry) => ({ transfer: entry.transferSize, decoded: entry.decodedBodySize })),
    );
    const kb = (n: number) => (n / 1024).toFixed(1);
    const sum = (key: "transfer" | "decoded") => scripts.reduce((total, entry) => total + entry[key], 0);
    console.log(`| ${route} | ${scripts.length} | ${kb(sum("transfer"))} | ${kb(sum("decoded"))} |`);
    await page.close();
  }
} finally {
  await browser.close();
  await server.stop();
}
