// The build adapter (next.config.ts `adapterPath`): runs inside every `next build`, after the pages are
// prerendered, so each way a production build is made (npm run build, tests/run-all.sh, npm run perf, the
// fixture site, the content bench) gets the step without calling it.
//
// The step: every prerendered page whose route has no client component of ours (lib/build/script-free.mjs says
// which) is rewritten in place without the framework's runtime, its stylesheet cut to the rules it uses and inlined
// (lib/build/inline-styles.mjs); `next start` serves the rewritten file. The list
// of those pages goes to <distDir>/script-free-pages.json (proxy.ts gives them a CSP without 'unsafe-inline'),
// the documents as built to <distDir>/script-free-originals/. The same list gives each prerendered page that keeps
// its scripts the hashes of its inline scripts, and names the page routes rendered per request (no prerender):
// proxy.ts allows exactly those hashes, or a per-request nonce. Anything unexpected stops the build, naming the page.
import fs from "node:fs";
import path from "node:path";
import {
  clientComponentsOf,
  clientModulesFromManifest,
  inlineScriptSources,
  ScriptFreeRefusal,
  stripRuntime,
} from "./script-free.mjs";
import { inlineStylesheets } from "./inline-styles.mjs";
import { originalFileOf, SCRIPT_FREE_MANIFEST, SCRIPT_FREE_ORIGINALS } from "./script-free-files.mjs";

/**
 * @typedef {{ id: string; pathname: string; sourcePage: string }} AppPageOutput
 * @typedef {{
 *   pathname: string;
 *   parentOutputId: string;
 *   routeType?: string;
 *   fallback?: { filePath?: string; initialRevalidate?: number | false; postponedState?: string };
 *   config?: { renderingMode?: string };
 * }} PrerenderOutput
 * @typedef {{ pathname: string; filePath: string }} StaticFileOutput
 * @typedef {{ appPages: AppPageOutput[]; prerenders: PrerenderOutput[]; staticFiles: StaticFileOutput[] }} Outputs
 * @typedef {{ page: string; file: string }} Stripped
 * @typedef {{ page: string; components: string[]; inlineScripts: string[] }} Kept
 */

/**
 * The document Next.js serves for an address no page answers (status 404): a static file at /404 when the build
 * has one, else the /_not-found prerender (this step never strips either).
 */
const NOT_FOUND_PAGES = ["/404", "/_not-found"];

/**
 * Runs the step over a finished build's outputs (the adapter's `onBuildComplete` context).
 * @param {{ outputs: Outputs; distDir: string; nextVersion: string; buildId: string }} build
 * @returns {{ stripped: Stripped[]; kept: Kept[] }}
 */
export function runScriptFreeStep({ outputs, distDir, nextVersion, buildId }) {
  const routes = new Map();
  for (const page of outputs.appPages) {
    if (!page.pathname.endsWith(".rsc")) routes.set(page.id, page);
  }
  /** @type {Stripped[]} */
  const stripped = [];
  /** @type {Kept[]} */
  const kept = [];
  const components = new Map();
  const rewrites = [];
  /** @param {string} href a build stylesheet's address, /_next/static/... */
  const readStylesheet = (href) => {
    const file = path.join(distDir, "static", href.slice("/_next/static/".length));
    return fs.existsSync(file) ? fs.readFileSync(file, "utf8") : undefined;
  };
  for (const prerender of outputs.prerenders) {
    const file = prerender.fallback?.filePath;
    if (prerender.routeType !== "page" || !file?.endsWith(".html")) continue;
    const page = prerender.pathname;
    // Next.js's own not-found and error documents, served for many addresses: never stripped (see notFound).
    if (page.startsWith("/_")) continue;
    const route = routes.get(prerender.parentOutputId);
    if (!route) throw new ScriptFreeRefusal(page, `no app page output ${prerender.parentOutputId} in the build`);
    if (!components.has(route.sourcePage)) {
      const manifest = path.join(distDir, "server", "app", `${route.sourcePage}_client-reference-manifest.js`);
      if (!fs.existsSync(manifest)) throw new ScriptFreeRefusal(page, `no client reference manifest at ${manifest}`);
      const modules = clientModulesFromManifest(page, route.sourcePage, fs.readFileSync(manifest, "utf8"));
      components.set(route.sourcePage, clientComponentsOf(page, modules));
    }
    const ours = components.get(route.sourcePage);
    if (ours.length > 0) {
      kept.push({ page, components: ours, inlineScripts: inlineScriptSources(page, fs.readFileSync(file, "utf8")) });
      continue;
    }
    const revalidate = prerender.fallback?.initialRevalidate;
    if (typeof revalidate === "number") {
      throw new ScriptFreeRefusal(
        page,
        `its route revalidates (every ${revalidate} s): a regeneration at run time would bring the scripts back`,
      );
    }
    if (prerender.fallback?.postponedState || prerender.config?.renderingMode === "PARTIALLY_STATIC") {
      throw new ScriptFreeRefusal(page, "its route is partially prerendered: the rest would stream in by script");
    }
    const html = fs.readFileSync(file, "utf8");
    rewrites.push({ page, file, html, result: inlineStylesheets(page, stripRuntime(page, html), readStylesheet) });
  }
  // Every page is checked before any file is written: a refusal leaves the build's output as Next.js made it.
  const originals = path.join(distDir, SCRIPT_FREE_ORIGINALS);
  fs.rmSync(originals, { recursive: true, force: true });
  for (const { page, file, html, result } of rewrites) {
    const original = path.join(originals, originalFileOf(page));
    fs.mkdirSync(path.dirname(original), { recursive: true });
    fs.writeFileSync(original, html);
    fs.writeFileSync(file, result);
    stripped.push({ page, file });
  }
  const pages = stripped.map(({ page }) => page).sort();
  const inlineScripts = Object.fromEntries(
    [...kept].sort((a, b) => a.page.localeCompare(b.page)).map(({ page, inlineScripts }) => [page, inlineScripts]),
  );
  // The not-found document answers every address no page answers: its hashes are the policy for those.
  const notFoundFile = [
    ...outputs.staticFiles.filter(({ pathname }) => NOT_FOUND_PAGES.includes(pathname)).map(({ filePath }) => filePath),
    ...outputs.prerenders
      .filter(({ pathname }) => NOT_FOUND_PAGES.includes(pathname))
      .map(({ fallback }) => fallback?.filePath),
  ].find((file) => file?.endsWith(".html"));
  const notFound = notFoundFile && inlineScriptSources(NOT_FOUND_PAGES[0], fs.readFileSync(notFoundFile, "utf8"));
  // Page routes with no prerendered document render per request (Next.js's own /_ documents aside, as above).
  const prerendered = new Set(outputs.prerenders.map(({ parentOutputId }) => parentOutputId));
  const perRequest = [...routes.values()]
    .filter(({ id, pathname }) => !prerendered.has(id) && !pathname.startsWith("/_"))
    .map(({ pathname }) => pathname)
    .sort();
  fs.writeFileSync(
    path.join(distDir, SCRIPT_FREE_MANIFEST),
    `${JSON.stringify({ buildId, nextVersion, pages, inlineScripts, notFound, perRequest }, null, 2)}\n`,
  );
  return { stripped, kept };
}

/** @type {{ name: string; onBuildComplete: (context: Parameters<typeof runScriptFreeStep>[0]) => void }} */
const adapter = {
  name: "fsdev-script-free-pages",
  onBuildComplete(context) {
    const { stripped, kept } = runScriptFreeStep(context);
    console.log(`Script-free pages: ${stripped.length} served without the framework's runtime`);
    for (const { page, components, inlineScripts } of kept) {
      console.log(`  ${page} keeps its scripts (${components.join(", ")}; ${inlineScripts.length} inline, hashed)`);
    }
  },
};

export default adapter;
