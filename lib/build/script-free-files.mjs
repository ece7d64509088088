// Where the script-free pages step (lib/build/script-free-adapter.mjs) leaves what others read, inside the
// build folder: the list of pages it rewrote (proxy.ts gives them a stricter Content-Security-Policy) and each
// page's document as the build made it (the browser test compares the two).

/** `{ buildId, nextVersion, pages: ["/", "/about", ...] }`: every prerendered page served without the runtime. */
export const SCRIPT_FREE_MANIFEST = "script-free-pages.json";

/** `<page>.html` per rewritten page (`index.html` for `/`), as `next build` wrote it. */
export const SCRIPT_FREE_ORIGINALS = "script-free-originals";

/** @param {string} page a pathname such as `/` or `/articles/a-slug` */
export function originalFileOf(page) {
  return `${page === "/" ? "/index" : page}.html`.slice(1);
}
