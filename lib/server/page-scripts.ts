import fs from "node:fs";
import path from "node:path";
import { SCRIPT_FREE_MANIFEST } from "@/lib/build/script-free-files.mjs";

/**
 * What this build knows of each page's scripts, as the build step listed it (lib/build/script-free-adapter.mjs):
 * the pages served without the framework's runtime, the hashes of the inline scripts of each prerendered page
 * that keeps it, and the page routes rendered per request. Read once from the build folder `next start` serves.
 * Without a list for this very build (`next dev`, a host whose own adapter replaced the step, a list left by an
 * earlier build) it is undefined, and every page keeps the policy that allows inline scripts.
 */
export type PageScripts = {
  scriptFree: ReadonlySet<string>;
  inlineScripts: ReadonlyMap<string, readonly string[]>;
  /** The inline scripts of the not-found document, which answers every address no page answers. */
  notFound: readonly string[] | undefined;
  perRequest: readonly RegExp[];
};

/** What one page's Content-Security-Policy allows inline: nothing, these sources, a nonce, or anything. */
export type InlineScripts = { kind: "none" } | { kind: "hashes"; sources: readonly string[] } | { kind: "nonce" };

let loaded: { scripts: PageScripts | undefined } | undefined;

export function pageScripts(): PageScripts | undefined {
  if (process.env.NODE_ENV !== "production") return undefined;
  // turbopackIgnore: the build folder is read at run time; tracing it would pull the whole project in.
  loaded ??= {
    scripts: readList(path.join(/*turbopackIgnore: true*/ process.cwd(), process.env.NEXT_DIST_DIR ?? ".next")),
  };
  return loaded.scripts;
}

/**
 * The inline scripts a GET of `pathname` may run, for the document that answers it: an address no page answers
 * gets the not-found document's; undefined when the build did not list that document.
 */
export function inlineScriptsOf(scripts: PageScripts, pathname: string): InlineScripts | undefined {
  if (scripts.scriptFree.has(pathname)) return { kind: "none" };
  const sources = scripts.inlineScripts.get(pathname);
  if (sources) return { kind: "hashes", sources };
  if (scripts.perRequest.some((route) => route.test(pathname))) return { kind: "nonce" };
  return scripts.notFound && { kind: "hashes", sources: scripts.notFound };
}

/** A page route's pathname (`/desk/leads/[reference]`, `/docs/[...slug]`) as the addresses it answers. */
export function routePattern(route: string): RegExp {
  const segments = route.split("/").map((segment) => {
    if (/^\[\[\.\.\.[^\]]+\]\]$/.test(segment)) return "(?:/.*)?";
    if (/^\[\.\.\.[^\]]+\]$/.test(segment)) return "/.+";
    if (/^\[[^\]]+\]$/.test(segment)) return "/[^/]+";
    return segment === "" ? "" : `/${segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`;
  });
  return new RegExp(`^${segments.join("") || "/"}$`);
}

function readList(distDir: string): PageScripts | undefined {
  const file = path.join(distDir, SCRIPT_FREE_MANIFEST);
  const buildIdFile = path.join(distDir, "BUILD_ID");
  if (!fs.existsSync(file) || !fs.existsSync(buildIdFile)) return undefined;
  const list = JSON.parse(fs.readFileSync(file, "utf8")) as {
    buildId?: unknown;
    pages?: unknown;
    inlineScripts?: unknown;
    notFound?: unknown;
    perRequest?: unknown;
  };
  if (list.buildId !== fs.readFileSync(buildIdFile, "utf8").trim()) return undefined;
  const strings = (value: unknown): value is string[] =>
    Array.isArray(value) && value.every((item) => typeof item === "string");
  const inline = list.inlineScripts;
  if (
    !strings(list.pages) ||
    !strings(list.perRequest) ||
    (list.notFound !== undefined && !strings(list.notFound)) ||
    typeof inline !== "object" ||
    inline === null ||
    !Object.values(inline).every(strings)
  ) {
    throw new Error(
      `${file}: expected { buildId, pages: string[], inlineScripts: { [page]: string[] }, notFound?: string[], ` +
        "perRequest: string[] }; rebuild with `npm run build`",
    );
  }
  return {
    scriptFree: new Set(list.pages),
    inlineScripts: new Map(Object.entries(inline as Record<string, string[]>)),
    notFound: list.notFound as string[] | undefined,
    perRequest: list.perRequest.map(routePattern),
  };
}
