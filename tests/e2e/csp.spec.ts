// Each page's Content-Security-Policy comes from the build (lib/build/script-free-adapter.mjs lists what each page
// runs inline; proxy.ts turns it into the policy): no 'unsafe-inline' in script-src on any page, and in a real
// browser no page's own scripts are refused.
import fs from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { SCRIPT_FREE_MANIFEST } from "../../lib/build/script-free-files.mjs";
import { interestFromSegments } from "../../lib/quotes/form-context";
import { PRESELECTED_QUOTE_PATH, PRIVACY_REQUEST_PATH, QUOTE_PATH } from "../../lib/routes";
import { contentSecurityPolicy } from "../../lib/server/content-security-policy.mjs";
import { signInByEmail } from "../helpers/desk";
import { uniqueIp } from "../helpers/e2e-server";
import { hydrated } from "../helpers/hydrated";

const distDir = process.env.NEXT_DIST_DIR ?? ".next";
const listed = JSON.parse(fs.readFileSync(path.join(distDir, SCRIPT_FREE_MANIFEST), "utf8")) as {
  pages: string[];
  inlineScripts: Record<string, string[]>;
  notFound: string[];
};
const scriptSource = (policy: string | undefined) => /script-src ([^;]*)/.exec(policy ?? "")?.[1];
const NONCE = /^'self' 'nonce-([A-Za-z0-9+/]+={0,2})'$/;

/** The address a visitor loads a page at: the preselected copies of the form are served at /quote?interest=... */
function addressOf(page: string): string {
  if (!page.startsWith(`${PRESELECTED_QUOTE_PATH}/`)) return page;
  const interest = interestFromSegments(page.slice(PRESELECTED_QUOTE_PATH.length + 1).split("/"));
  return `${QUOTE_PATH}?${new URLSearchParams({ interest })}`;
}

/** Every Content-Security-Policy violation the page reports, as the browser's event and as its console error. */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  const console: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) console.push(message.text());
  });
  // An init script runs through the DevTools protocol, outside the page's policy, before the page's own scripts.
  await page.addInitScript(() => {
    const seen: string[] = [];
    Object.defineProperty(window, "__violations", { value: seen });
    document.addEventListener("securitypolicyviolation", (event) =>
      seen.push(`${event.violatedDirective} ${event.blockedURI} ${event.sample}`),
    );
  });
  return async () => [
    ...(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)),
    ...console,
  ];
}

test("each page's policy: no inline script on content pages, hashes on static script pages, a nonce elsewhere", async ({
  request,
}) => {
  expect(Object.keys(listed.inlineScripts)).toEqual(expect.arrayContaining([QUOTE_PATH, PRIVACY_REQUEST_PATH]));
  for (const page of listed.pages) {
    const policy = (await request.get(page)).headers()["content-security-policy"];
    expect(policy, page).toBe(contentSecurityPolicy(true, { inlineScripts: false }));
  }
  for (const [page, sources] of Object.entries(listed.inlineScripts)) {
    const policy = (await request.get(addressOf(page))).headers()["content-security-policy"];
    expect(policy, page).toBe(contentSecurityPolicy(true, { inlineScripts: sources }));
  }
  // An interest no copy serves gets /quote itself; of two interests, the rewrite serves the last one's copy.
  const quote = contentSecurityPolicy(true, { inlineScripts: listed.inlineScripts[QUOTE_PATH] });
  const automation = contentSecurityPolicy(true, {
    inlineScripts: listed.inlineScripts[`${PRESELECTED_QUOTE_PATH}/service/automation`],
  });
  expect((await request.get("/quote?interest=nothing")).headers()["content-security-policy"]).toBe(quote);
  const twice = await request.get("/quote?interest=other&interest=service%3Aautomation");
  expect(twice.headers()["content-security-policy"]).toBe(automation);
  // An address no page answers: the not-found document's hashes.
  const missing = await request.get("/no-such-page");
  expect(missing.status()).toBe(404);
  expect(missing.headers()["content-security-policy"]).toBe(
    contentSecurityPolicy(true, { inlineScripts: listed.notFound }),
  );

  // The desk renders per request: a fresh nonce each time, on every script of the page.
  const nonces = [];
  for (let i = 0; i < 2; i += 1) {
    const response = await request.get("/desk/sign-in");
    const nonce = NONCE.exec(scriptSource(response.headers()["content-security-policy"]) ?? "")?.[1];
    expect(nonce).toBeDefined();
    const scripts = (await response.text()).match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) expect(script).toContain(`nonce="${nonce}"`);
    nonces.push(nonce);
  }
  expect(nonces[0]).not.toBe(nonces[1]);
});

const browsed = [
  "/",
  "/articles",
  QUOTE_PATH,
  addressOf(`${PRESELECTED_QUOTE_PATH}/service/automation`),
  PRIVACY_REQUEST_PATH,
  "/desk/sign-in",
  "/no-such-page",
];
for (const address of browsed) {
  test(`${address}: no Content-Security-Policy violation, and the page's scripts run`, async ({ page }) => {
    const violations = await watchViolations(page);
    await page.goto(address);
    const form = await page.locator("main form").count();
    if (form > 0) await hydrated(page, "main form");
    else await page.waitForLoadState("networkidle");
    expect(await violations()).toEqual([]);
  });
}

test("the watch sees a violation: /quote under another copy's hashes refuses its scripts", async ({ page }) => {
  const violations = await watchViolations(page);
  const other = contentSecurityPolicy(true, { inlineScripts: listed.inlineScripts[`${PRESELECTED_QUOTE_PATH}/other`] });
  await page.route(
    (url) => url.pathname === QUOTE_PATH,
    async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, headers: { ...response.headers(), "content-security-policy": other } });
    },
  );
  await page.goto(QUOTE_PATH);
  await expect.poll(async () => (await violations()).length).toBeGreaterThan(0);
});

test("a form post without the form's script: the page rendered for it runs under a nonce and hydrates", async ({
  page,
}) => {
  await page.context().setExtraHTTPHeaders({ "X-Forwarded-For": uniqueIp() });
  const violations = await watchViolations(page);
  await page.goto(QUOTE_PATH);
  await hydrated(page, "main form");
  await page.getByLabel(/Your name/).fill("Nonce Post");
  // form.submit() posts natively, as a browser without the form's script does (no submit event for React).
  const posted = page.waitForResponse((response) => response.request().method() === "POST");
  await page.locator("main form").evaluate((form: HTMLFormElement) => form.submit());
  const response = await posted;
  expect(scriptSource(response.headers()["content-security-policy"])).toMatch(NONCE);
  await expect(page.getByTestId("form-status")).toContainText("Please correct");
  await hydrated(page, "main form");
  expect(await violations()).toEqual([]);
});

test("signed in, the desk's pages run their scripts under the nonce", async ({ page }) => {
  const violations = await watchViolations(page);
  await signInByEmail(page, uniqueIp());
  await hydrated(page, "main form, main button");
  expect(await violations()).toEqual([]);
});
