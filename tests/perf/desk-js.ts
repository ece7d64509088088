// `npx tsx tests/perf/desk-js.ts` (after a build): the JavaScript the owner's desk loads on a first visit, as
// transferred and as parsed, measured like `npm run perf:js` but signed in (a link from `npm run desk:link`).
// Port: DESK_JS_PORT (default 4290).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { chromium } from "@playwright/test";
import { sampleValues, startQuoteServer, submitThroughServer } from "../helpers/quote-server";

const port = Number(process.env.DESK_JS_PORT ?? 4290);
const server = await startQuoteServer({ port });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? (fs.existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined),
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
});
try {
  const env = {
    ...process.env,
    DATABASE_URL: server.databaseUrl,
    SITE_URL: server.url,
    FORM_SECRET: "load-test-form-secret-0123456789-abcdefghij",
    QUOTE_TO: "owner@fsdev.test",
  };
  // A new context per route: an empty cache, as on a first visit (the session cookie carried over).
  type State = Awaited<ReturnType<Awaited<ReturnType<typeof browser.newContext>>["storageState"]>>;
  const measure = async (route: string, state?: State) => {
    const context = await browser.newContext({ storageState: state });
    const page = await context.newPage();
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
    await context.close();
  };
  console.log("| desk route | scripts | JS transferred (KB) | JS parsed (KB) |\n|---|---|---|---|");
  await measure("/desk/sign-in");
  const output = execFileSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "lib/auth/link-cli.ts"], {
    env,
    encoding: "utf8",
  });
  const link = /(https?:\/\/\S+magic-link\/verify\?\S+)/.exec(output)?.[1];
  if (!link) throw new Error(`desk:link printed no link:\n${output}`);
  const signedIn = await browser.newContext();
  await (await signedIn.newPage()).goto(link);
  const state = await signedIn.storageState();
  await signedIn.close();
  const lead = await submitThroughServer(server.url, "198.18.0.1", sampleValues("Desk Measure"));
  for (const route of ["/desk", `/desk/leads/${lead.reference}`, "/desk/sources", "/desk/erase", "/desk/account"])
    await measure(route, state);
} finally {
  await browser.close();
  await server.stop();
}
