// `npx tsx tests/perf/desk-js.ts` (after a build): the JavaScript the owner's desk loads on a first visit, as
// transferred and as parsed, measured like `npm run perf:js` but signed in (a link from `npm run desk:link`).
// Port: DESK_JS_PORT (default 4290).
import { execFileSync } from "node:child_process";
import { sampleValues, startQuoteServer, submitThroughServer } from "../helpers/quote-server";
import { JS_TABLE_HEADER, jsRow, launchChromium } from "./page-js";

const port = Number(process.env.DESK_JS_PORT ?? 4290);
const server = await startQuoteServer({ port });
const browser = await launchChromium();
try {
  const env = {
    ...process.env,
    DATABASE_URL: server.databaseUrl,
    SITE_URL: server.url,
    FORM_SECRET: "load-test-form-secret-0123456789-abcdefghij",
    QUOTE_TO: "owner@fsdev.test",
  };
  console.log(JS_TABLE_HEADER);
  // A new context per route: an empty cache, as on a first visit (the session cookie carried over).
  const anonymous = await browser.newContext();
  console.log(await jsRow(anonymous, `${server.url}/desk/sign-in`, "/desk/sign-in"));
  await anonymous.close();

  const output = execFileSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "lib/cli/desk-link.ts"], {
    env,
    encoding: "utf8",
  });
  const link = /(https?:\/\/\S+magic-link\/verify\?\S+)/.exec(output)?.[1];
  if (!link) throw new Error(`desk:link printed no link:\n${output}`);
  const signedIn = await browser.newContext();
  await (await signedIn.newPage()).goto(link);
  const storageState = await signedIn.storageState();
  await signedIn.close();

  const lead = await submitThroughServer(server.url, "198.18.0.1", sampleValues("Desk Measure"));
  for (const route of ["/desk", `/desk/leads/${lead.reference}`, "/desk/sources", "/desk/erase", "/desk/account"]) {
    const context = await browser.newContext({ storageState });
    console.log(await jsRow(context, `${server.url}${route}`, route));
    await context.close();
  }
} finally {
  await browser.close();
  await server.stop();
}
