// `npm run perf:js` (after a build): the JavaScript each route loads on a first visit, as transferred
// (compressed) and as parsed, measured in Chromium against `next start`. Next 16's build output no longer
// prints "First Load JS", so this prints it. Scripts fetched after load (none: internal links are plain anchors)
// count too. The owner's desk, which needs a session: tests/perf/desk-js.ts.
//
// `/quote` has a budget: what it loads beyond the framework's own floor (a bare Next.js page built with the same
// Next.js, tests/perf/floor-app, measured in the same run) must not grow: the response clock, the holiday data and
// every other server-side part stay out of it; its promise arrives in the action's result. A framework update moves
// the floor and /quote together. Over budget, the command prints what it measured and exits 1. PERF_FLOOR_PORT
// (default PERF_PORT - 1) moves the bare page's server.
import { publishedRoutes } from "@/lib/seo/routes";
import { QUOTE_PATH } from "@/lib/routes";
import { startQuoteServer } from "../helpers/quote-server";
import { startFloorApp } from "./floor-server";
import { JS_TABLE_HEADER, jsFigures, jsTableRow, launchChromium } from "./page-js";

/**
 * What `/quote` may load beyond the bare page: 5.6 KB transferred / 13.3 KB parsed as measured on 2026-12-06 (the
 * form, its field and error components, the error boundary with the site's header), plus a little room.
 */
const QUOTE_OVER_FLOOR = { transferredKb: 6, parsedKb: 15 };

const port = Number(process.env.PERF_PORT ?? 3996);
const server = await startQuoteServer({ port });
const floor = await startFloorApp(Number(process.env.PERF_FLOOR_PORT ?? port - 1));
const browser = await launchChromium();
try {
  const routes = publishedRoutes().map((route) => route.path);
  console.log(JS_TABLE_HEADER);
  const bare = await jsFigures(browser, `${floor.url}/`);
  console.log(jsTableRow("bare Next.js page (floor)", bare));
  for (const route of routes) {
    const figures = await jsFigures(browser, `${server.url}${route}`);
    console.log(jsTableRow(route, figures));
    if (route !== QUOTE_PATH) continue;
    const over = {
      transferredKb: figures.transferredKb - bare.transferredKb,
      parsedKb: figures.parsedKb - bare.parsedKb,
    };
    console.log(
      `${QUOTE_PATH} beyond the bare page: ${over.transferredKb.toFixed(1)} KB transferred / ` +
        `${over.parsedKb.toFixed(1)} KB parsed ` +
        `(budget ${QUOTE_OVER_FLOOR.transferredKb} / ${QUOTE_OVER_FLOOR.parsedKb} KB)`,
    );
    if (over.transferredKb > QUOTE_OVER_FLOOR.transferredKb || over.parsedKb > QUOTE_OVER_FLOOR.parsedKb) {
      console.error(`${QUOTE_PATH} is over its budget`);
      process.exitCode = 1;
    }
  }
} finally {
  await browser.close();
  await server.stop();
  await floor.stop();
}
