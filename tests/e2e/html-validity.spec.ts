// Every document the server sends, checked by the W3C Nu HTML Checker (vnu.jar, the `vnu-jar` devDependency) in one
// JVM: each sitemap URL, /quote in its error and its success state (posted as a browser without JavaScript posts
// it), the 404 page, and the desk signed in (inbox, a lead, sources, erase, passkeys). The served HTML is saved as
// files and checked at once; the test expects no error and prints each one when there are some.
// It needs Java (11 or newer) and fails, never skips, without it: CI installs openjdk-17-jre-headless.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import { deskLeadPath, deskPaths, PRIVACY_CONFIRM_PATH, PRIVACY_REQUEST_PATH, QUOTE_PATH } from "../../lib/routes";
import { DESK, signInByEmail } from "../helpers/desk";
import { postForm, renderedForm } from "../helpers/form-post";
import { uniqueIp } from "../helpers/e2e-server";

/** The checker's jar: VNU_JAR, or where the `vnu-jar` package keeps it (its main export is this path). */
const VNU_JAR = path.resolve(process.env.VNU_JAR ?? "node_modules/vnu-jar/build/dist/vnu.jar");
const JAVA = process.env.JAVA ?? "java";
/** The e2e server's MIN_SUBMIT_SECONDS (playwright.config.ts), in milliseconds, with a margin. */
const MIN_FILL_MS = 1_100;

type VnuMessage = {
  type: string;
  subType?: string;
  url?: string;
  lastLine?: number;
  message: string;
  extract?: string;
};

/** Fails with what to install when Java or the jar is missing (a skipped check would pass unnoticed). */
function assertCheckerAvailable() {
  const java = spawnSync(JAVA, ["-version"], { encoding: "utf8" });
  if (java.error || java.status !== 0)
    throw new Error(
      `"${JAVA} -version" failed (${java.error?.message ?? java.stderr}): the HTML check needs Java 11 or newer ` +
        `(Debian: apt-get install openjdk-17-jre-headless; or set JAVA to a java binary)`,
    );
  if (!fs.existsSync(VNU_JAR))
    throw new Error(`${VNU_JAR} is missing: the vnu-jar devDependency is not installed (npm ci), or set VNU_JAR`);
}

const VALID_FIELDS: [string, string][] = [
  ["name", "Ada Validator"],
  ["email", "ada.validator@example.com"],
  ["interest", "service:custom-web-applications"],
  ["budget", "not-sure"],
  ["timeline", "exploring"],
  ["description", "A perfectly ordinary project description for the HTML check."],
  ["consent", "yes"],
];

test("every document the server sends is valid HTML (W3C Nu HTML Checker, errors only)", async ({
  page,
  request,
  baseURL,
}) => {
  test.setTimeout(180_000);
  assertCheckerAvailable();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "html-validity-"));
  const saved = new Map<string, string>();
  const save = async (label: string, response: APIResponse, status = 200) => {
    expect(response.status(), label).toBe(status);
    expect(response.headers()["content-type"], label).toMatch(/^text\/html/);
    const file = path.join(dir, `${String(saved.size).padStart(2, "0")}-${label.replace(/[^a-z0-9]+/gi, "-")}.html`);
    fs.writeFileSync(file, await response.text());
    saved.set(file, label);
  };
  const origin = new URL(baseURL!).origin;

  // The success state is posted last: the form's token must be older than the minimum fill time.
  const successIp = uniqueIp();
  const successForm = await renderedForm(request, successIp);
  const successLoadedAt = Date.now();

  const sitemap = await (await request.get("/sitemap.xml")).text();
  const paths = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => {
    const url = new URL(match[1]!);
    return url.pathname + url.search;
  });
  expect(paths.length).toBeGreaterThan(10);
  for (const pagePath of paths) await save(pagePath, await request.get(pagePath));

  await save("404", await request.get("/no-such-page-for-the-html-check"), 404);
  // The privacy request form (noindex, not in the sitemap) and the page its emailed link opens, both outcomes.
  await save(PRIVACY_REQUEST_PATH, await request.get(PRIVACY_REQUEST_PATH));
  await save(`${PRIVACY_CONFIRM_PATH} with a link`, await request.get(`${PRIVACY_CONFIRM_PATH}?token=abc`));
  await save(`${PRIVACY_CONFIRM_PATH} refused`, await request.get(`${PRIVACY_CONFIRM_PATH}?result=invalid`));
  await save(`${PRIVACY_CONFIRM_PATH} confirmed`, await request.get(`${PRIVACY_CONFIRM_PATH}?result=confirmed`));

  const errorIp = uniqueIp();
  const errorForm = await renderedForm(request, errorIp);
  const invalid = await postForm(request, {
    ip: errorIp,
    origin,
    hidden: errorForm,
    fields: VALID_FIELDS.map(([name, value]) => [name, name === "email" ? "not-an-address" : value]),
  });
  await save(`${QUOTE_PATH} error state`, invalid);

  await expect.poll(() => Date.now() - successLoadedAt, { timeout: 10_000 }).toBeGreaterThan(MIN_FILL_MS);
  const success = await postForm(request, { ip: successIp, origin, hidden: successForm, fields: VALID_FIELDS });
  const successHtml = await success.text();
  const reference = /data-testid="quote-reference">([^<]+)</.exec(successHtml)?.[1];
  expect(reference, "the success state names the request's reference").toMatch(/^FS-\d{4}-[0-9A-Z]{6}$/);
  await save(`${QUOTE_PATH} success state`, success);

  await signInByEmail(page, uniqueIp());
  const desk: APIRequestContext = page.context().request;
  for (const deskPath of [
    deskPaths.inbox,
    deskLeadPath(reference!),
    deskPaths.sources,
    deskPaths.erase,
    deskPaths.account,
  ])
    await save(`desk ${deskPath}`, await desk.get(`${DESK}${deskPath}`, { maxRedirects: 0 }));

  // One JVM for every document; with --format json the checker writes its report to stderr. Content pages carry
  // their stylesheet in a <style>, which the checker also parses with the CSS validator's grammar; that predates
  // what Tailwind 4 writes (@property, margin-trim in @supports, custom properties in transition-property), and a
  // linked stylesheet was never checked, so its "CSS: " messages are filtered out. The HTML is checked in full.
  const filter = ["--filterpattern", "CSS: .*"];
  const run = spawnSync(JAVA, ["-jar", VNU_JAR, "--errors-only", ...filter, "--format", "json", ...saved.keys()], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  let messages: VnuMessage[];
  try {
    messages = (JSON.parse(run.stderr) as { messages: VnuMessage[] }).messages;
  } catch {
    throw new Error(`vnu.jar exited ${run.status} without a JSON report:\n${run.stderr}\n${run.stdout}`);
  }
  const errors = messages
    .filter((message) => message.type === "error" || message.subType === "fatal")
    .map((message) => {
      const file = message.url ? decodeURIComponent(new URL(message.url).pathname) : "";
      return `${saved.get(file) ?? file}:${message.lastLine ?? "?"}: ${message.message} [${message.extract ?? ""}]`;
    });
  console.log(`vnu.jar checked ${saved.size} documents (${[...saved.values()].join(", ")}): ${errors.length} errors`);
  expect(errors, errors.join("\n")).toEqual([]);
  expect(run.status).toBe(0);
  fs.rmSync(dir, { recursive: true, force: true });
});
