// `npm run perf:js` (after a build): the JavaScript each route loads on a first visit, as transferred
// (compressed) and as parsed, measured in Chromium against `next start`. Next 16's build output no longer
// prints "First Load JS", so this prints it. Scripts fetched after load (none: internal links are plain anchors)
// count too. The owner's desk, which needs a session: tests/perf/desk-js.ts.
//
// `/quote` has a budget: its script must not grow (the response clock, the holiday data and every other
// server-side part stay out of it; its promise arrives in the action's result). Over budget, the command prints
// what it measured and exits 1.
import { publishedRoutes } from "@/lib/seo/routes";
import { QUOTE_PATH } from "@/lib/routes";
import { startQuoteServer } from "../helpers/quote-server";
import { JS_TABLE_HEADER, jsFigures, jsTableRow, launchChromium } from "./page-js";

/** `/quote`'s first-load JavaScript as measured on 2026-12-06 (138.6 / 459.0 KB), plus a little room. */
const QUOTE_BUDGET = { transferredKb: 140, parsedKb: 462 };

const server = await startQuoteServer({ port: Number(process.env.PERF_PORT ?? 3996) });
const browser = await launchChromium();
try {
  const routes = publishedRoutes().map((route) => route.path);
  console.log(JS_TABLE_HEADER);
  for (const route of routes) {
    const figures = await jsFigures(browser, `${server.url}${route}`);
    console.log(jsTableRow(route, figures));
    if (
      route === QUOTE_PATH &&
      (figures.transferredKb > QUOTE_BUDGET.transferredKb || figures.parsedKb > QUOTE_BUDGET.parsedKb)
    ) {
      console.error(
        `${QUOTE_PATH} loads ${figures.transferredKb.toFixed(1)} KB transferred / ${figures.parsedKb.toFixed(1)} KB ` +
          `parsed, over its budget of ${QUOTE_BUDGET.transferredKb} / ${QUOTE_BUDGET.parsedKb} KB`,
      );
      process.exitCode = 1;
    }
  }
} finally {
  await browser.close();
  await server.stop();
}
