// What the owner meets in `next dev`: a development server started on a free port (or OWNER_DEV_PORT) without
// SITE_URL, on localhost as `npm run dev` starts it, driven by a real browser. Example case studies and drafts
// carry their badge, a broken content file is reported on the page that uses it (MDX errors at the file's line)
// while every other page keeps working, links follow the port, and `desk:link` and `content:new` print the
// address the server announced.
//
// A script run by tests/run-all.sh rather than a Playwright spec: started from a Playwright worker, the
// dev server's first compile stalled on this machine, while the same spawn from a plain process does not.
import assert from "node:assert/strict";
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { chromium, type Page } from "@playwright/test";
import { caseStudies, services, site } from "../../lib/content";
import { slugify } from "../../lib/content/new-entry";
import { DEV_ORIGIN_FILE } from "../../lib/server/dev-origin";
import { until } from "../helpers/pace";

const written: string[] = [];
let checks = 0;

function check(condition: unknown, message: string) {
  assert.ok(condition, message);
  checks++;
}

/** The counts for tests/run-all.sh (tests/report-counts.mjs, runner "checks"), when it asks for them. */
function report(passed: number, failed: number) {
  if (process.env.OWNER_DEV_REPORT) fs.writeFileSync(process.env.OWNER_DEV_REPORT, JSON.stringify({ passed, failed }));
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** Writes a content file for this run; removed again at the end. */
function writeContent(relative: string, text: string) {
  const file = path.join("content", relative);
  fs.writeFileSync(file, text);
  written.push(file);
}

async function waitFor200(url: string, timeoutMs: number) {
  await until(
    () =>
      fetch(url, { signal: AbortSignal.timeout(timeoutMs) }).then(
        (response) => response.status === 200,
        () => false,
      ),
    { what: `${url} answering 200`, timeoutMs, intervalMs: 1000 },
  );
}

const text = async (page: Page, selector: string) =>
  ((await page.locator(selector).first().textContent()) ?? "").trim();

/** Runs one of the owner's command-line tools with the dev server's environment; its output. */
function tool(script: string, args: string[], env: NodeJS.ProcessEnv): string {
  return execFileSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", script, ...args], { env, encoding: "utf8" });
}

async function run(page: Page, base: string, env: NodeJS.ProcessEnv, log: string) {
  // One host: the server announces localhost, writes it for the tools, and the tools print it.
  check(fs.readFileSync(log, "utf8").includes(base), `the dev server announces ${base}`);
  const recorded = JSON.parse(fs.readFileSync(DEV_ORIGIN_FILE, "utf8")) as { origin: string };
  check(recorded.origin === base, `${DEV_ORIGIN_FILE} holds ${recorded.origin}`);
  const link =
    /(http:\/\/\S+\/api\/auth\/magic-link\/verify\?\S+)/.exec(tool("lib/cli/desk-link.ts", [], env))?.[1] ?? "";
  check(link.startsWith(`${base}/api/auth/`), `desk:link prints the dev server's address (${link})`);
  await page.goto(link);
  await page.getByRole("heading", { level: 1, name: "Inbox" }).waitFor();
  check(new URL(page.url()).origin === base, `the link signs in on ${base} (${page.url()})`);

  // A new entry: content:new names its page on this server, and the page and its share image answer on their first
  // request, with both routes already visited (the dev server had listed their slugs before the file existed).
  for (const [kind, folder, known] of [
    ["article", "articles", "understanding-back-end-developers"],
    ["service", "services", services.all()[0]!.slug],
  ] as const) {
    const existing = await page.goto(`${base}/${folder}/${known}`);
    check(existing?.status() === 200, `/${folder}/${known} answers 200 (${existing?.status()})`);
    const knownImage = await page.request.get(`${base}/${folder}/${known}/opengraph-image`);
    check(knownImage.status() === 200, `/${folder}/${known}/opengraph-image answers 200 (${knownImage.status()})`);
    const title = `E2E new ${kind} ${process.pid}`;
    const slug = slugify(title);
    written.push(path.join("content", folder, `${slug}.mdx`));
    const created = tool("lib/cli/content-new.ts", [kind, title], env);
    check(
      created.includes(`Preview: open ${base}/${folder}/${slug}`),
      `content:new prints the dev address:\n${created}`,
    );
    const fresh = await page.goto(`${base}/${folder}/${slug}`);
    check(fresh?.status() === 200, `the new ${kind} answers 200 on its first request (${fresh?.status()})`);
    check((await text(page, "h1")).includes(title), `the new ${kind}'s page shows its title`);
    const image = await page.request.get(`${base}/${folder}/${slug}/opengraph-image`);
    check(image.status() === 200, `the new ${kind}'s share image answers 200 (${image.status()})`);
    const unknown = await page.request.get(`${base}/${folder}/e2e-no-such-entry`);
    check(unknown.status() === 404, `an unknown ${kind} answers 404 (${unknown.status()})`);
  }

  // MDX mistakes: the file's own line, and the components there are.
  const source = fs.readFileSync("content/articles/understanding-back-end-developers.mdx", "utf8").split("\n");
  const withLine = (line: string) => [...source.slice(0, 26), line, ...source.slice(26)].join("\n");
  writeContent("articles/e2e-unclosed.mdx", withLine("<Callout>"));
  writeContent("articles/e2e-chart.mdx", withLine("<Chart />"));
  await page.goto(`${base}/articles/e2e-unclosed`);
  await page.getByTestId("dev-error").waitFor({ timeout: 60_000 });
  const unclosed = await text(page, "[data-testid=dev-error]");
  check(unclosed.includes("content/articles/e2e-unclosed.mdx") && unclosed.includes("(27:1-27:10)"), unclosed);
  await page.goto(`${base}/articles/e2e-chart`);
  await page.getByTestId("dev-error").waitFor({ timeout: 60_000 });
  const chart = await text(page, "[data-testid=dev-error]");
  check(
    chart.includes("content/articles/e2e-chart.mdx") &&
      chart.includes("Unknown component <Chart> on line 27") &&
      chart.includes("Callout, Figure, ProductCards, QuoteCta"),
    chart,
  );

  // Example case studies: listed on home with their badge; the page's action preselects the service.
  const example = caseStudies.all({ includeDrafts: true }).find((entry) => entry.data.example)!;
  await page.goto(`${base}/`);
  const band = page.locator("section[aria-labelledby='case-studies-heading']");
  check((await band.getByRole("link", { name: example.data.title }).count()) === 1, "home lists the example");
  const badge = ((await band.getByTestId("entry-badge").first().textContent()) ?? "").trim();
  check(badge === site.labels.example, `example badge on home (${badge})`);

  await page.goto(`${base}/case-studies/${example.slug}`);
  check((await text(page, "h1")).includes(example.data.title), "the case study page renders");
  check((await text(page, "h1 [data-testid=entry-badge]")) === site.labels.example, "example badge on its page");
  await page.getByTestId("similar-quote").click();
  await page.waitForURL(/\/quote\?/);
  check(page.url().endsWith(`/quote?interest=service%3A${example.data.service}`), `quote link: ${page.url()}`);
  const selected = await page.locator("select[name=interest]").inputValue();
  check(selected === `service:${example.data.service}`, `the form preselects the service (${selected})`);
  await page.goto(`${base}/services/${example.data.service}`);
  check((await page.getByRole("link", { name: example.data.title }).count()) === 1, "the service lists its case study");

  // A draft shows with its badge, in the list and on its page.
  await page.goto(`${base}/services`);
  const card = page.getByRole("article").filter({ hasText: "E2E draft service" });
  check(
    ((await card.getByTestId("entry-badge").textContent()) ?? "").trim() === site.labels.draft,
    "draft badge on the card",
  );
  await page.goto(`${base}/services/e2e-draft-service`);
  check((await text(page, "h1 [data-testid=entry-badge]")) === site.labels.draft, "draft badge on its page");

  // A broken file: other pages work and name it; its own page shows file, field and message.
  for (const route of ["/", "/articles", "/articles/understanding-back-end-developers"]) {
    const response = await page.goto(`${base}${route}`);
    check(response?.status() === 200, `${route} answers 200 despite the broken file (${response?.status()})`);
    const problems = await text(page, "[data-testid=content-problems]");
    check(problems.includes("content/articles/e2e-broken.mdx"), `${route} names the broken file`);
    check(problems.includes('Unrecognized key: "autor" (did you mean "author"?)'), `${route} suggests the key`);
  }
  for (const route of ["/sitemap.xml", "/feed.xml"]) {
    check((await page.request.get(`${base}${route}`)).status() === 200, `${route} answers 200`);
  }
  await page.goto(`${base}/articles/e2e-broken`);
  await page.getByTestId("dev-error").waitFor({ timeout: 60_000 });
  const message = await text(page, "[data-testid=dev-error]");
  check(message.includes("content/articles/e2e-broken.mdx") && message.includes('field "author"'), message);
  check((await page.getByRole("navigation", { name: "Main" }).count()) === 1, "the error page keeps the header");
  const home = page.getByRole("link", { name: site.messages.errorHome });
  check((await home.getAttribute("href")) === "/", "the error page's second button is labelled and goes home");

  // Without SITE_URL, links follow the dev server's own port.
  await page.goto(`${base}/about`);
  const canonical = await page.locator('link[rel="canonical"]').getAttribute("href");
  check(canonical === `http://localhost:${new URL(base).port}/about`, `canonical ${canonical}`);
  check(!(await page.content()).includes("localhost:3000"), "no localhost:3000 anywhere");
}

async function main() {
  // Written before the server starts (the new article of run() is written while it runs).
  const service = services.all()[0]!;
  const serviceSource = fs.readFileSync(path.join("content/services", `${service.slug}.mdx`), "utf8");
  writeContent(
    "services/e2e-draft-service.mdx",
    serviceSource.replace(/^title: .*$/m, 'title: "E2E draft service"').replace(/^---\n/, "---\ndraft: true\n"),
  );
  const articleSource = fs.readFileSync("content/articles/understanding-back-end-developers.mdx", "utf8");
  writeContent("articles/e2e-broken.mdx", articleSource.replace(/^author:/m, "autor:"));

  const port = Number(process.env.OWNER_DEV_PORT) || (await freePort());
  const base = `http://localhost:${port}`;
  const log = path.join(os.tmpdir(), `fsdev-owner-dev-${port}.log`);
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: `file:./.data/owner-dev-${port}.db`,
    MAIL_DIR: `.data/owner-dev-${port}-mail`,
  } as Record<string, string | undefined> as NodeJS.ProcessEnv;
  const server = spawn(
    "sh",
    ["-c", `node prisma/migrate.mjs deploy && exec node node_modules/next/dist/bin/next dev -p ${port} -H localhost`],
    {
      // No SITE_URL and no NODE_ENV: the owner's `npm run dev` (package.json's host). Its own database file.
      env,
      stdio: ["ignore", fs.openSync(log, "w"), fs.openSync(log, "a")],
      detached: true,
    },
  );
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? (fs.existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined),
    args: ["--no-sandbox", "--disable-gpu"],
  });
  try {
    await waitFor200(`${base}/`, 240_000);
    const page = await browser.newPage();
    page.setDefaultTimeout(120_000);
    page.setDefaultNavigationTimeout(180_000);
    await run(page, base, env, log);
    console.log(`owner-dev: ${checks} checks passed`);
    report(checks, 0);
  } catch (error) {
    console.error(`owner-dev: failed after ${checks} checks (server log: ${log})`);
    report(checks, 1);
    throw error;
  } finally {
    await browser.close();
    for (const file of written) fs.rmSync(file, { force: true });
    if (server.pid) process.kill(-server.pid, "SIGTERM");
    if (fs.readFileSync(DEV_ORIGIN_FILE, { encoding: "utf8", flag: "a+" }).includes(base)) fs.rmSync(DEV_ORIGIN_FILE);
    fs.rmSync(`.data/owner-dev-${port}.db`, { force: true });
    fs.rmSync(`.data/owner-dev-${port}-mail`, { recursive: true, force: true });
  }
}

await main();
