// `npm run perf:js` (after a build): the JavaScript each route loads on a first visit, as transferred
// (compressed) and as parsed, measured in Chromium against `next start`. Next 16's build output no longer
// prints "First Load JS", so this prints it. Scripts fetched after load (none: internal links are plain anchors)
// count too. The owner's desk, which needs a session: tests/perf/desk-js.ts.
import { publishedRoutes } from "@/lib/seo/routes";
import { startQuoteServer } from "../helpers/quote-server";
import { JS_TABLE_HEADER, jsRow, launchChromium } from "./page-js";

const server = await startQuoteServer({ port: 3996 });
const browser = await launchChromium();
try {
  const routes = publishedRoutes().map((route) => route.path);
  console.log(JS_TABLE_HEADER);
  for (const route of routes) console.log(await jsRow(browser, `${server.url}${route}`, route));
} finally {
  await browser.close();
  await server.stop();
}
