// Where the script-free pages step (lib/build/script-free-adapter.mjs) leaves what others read, inside the
// build folder: the list of pages it rewrote and of every page's inline scripts (proxy.ts gives each page its
// Content-Security-Policy from it) and each rewritten page's document as the build made it (the browser test
// compares the two).

/**
 * What the step knows of each page's scripts, for proxy.ts's Content-Security-Policy (lib/server/page-scripts.ts):
 * `{ buildId, nextVersion, pages: ["/", "/about", ...], inlineScripts: { "/quote": ["'sha256-...'", ...] },
 * notFound: ["'sha256-...'", ...], perRequest: ["/desk", "/desk/leads/[reference]", ...] }`: the prerendered pages
 * served without the runtime, the hashes of the inline scripts of each prerendered page that keeps it and of the
 * not-found document, and the page routes rendered per request.
 */
export const SCRIPT_FREE_MANIFEST = "script-free-pages.json";

/** `<page>.html` per rewritten page (`index.html` for `/`), as `next build` wrote it. */
export const SCRIPT_FREE_ORIGINALS = "script-free-originals";

/** @param {string} page a pathname such as `/` or `/articles/a-slug` */
export function originalFileOf(page) {
  return `${page === "/" ? "/index" : page}.html`.slice(1);
}
