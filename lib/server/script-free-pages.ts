import fs from "node:fs";
import path from "node:path";
import { SCRIPT_FREE_MANIFEST } from "@/lib/build/script-free-files.mjs";

/**
 * The pages this build serves without the framework's runtime, as the build step listed them
 * (lib/build/script-free-adapter.mjs): read once from the build folder `next start` serves. Without a list for
 * this very build (`next dev`, a host whose own adapter replaced the step, a list left by an earlier build)
 * there are none, and every page keeps the policy that allows the framework's inline scripts.
 */
let pages: ReadonlySet<string> | undefined;

export function scriptFreePages(): ReadonlySet<string> {
  if (process.env.NODE_ENV !== "production") return NONE;
  // turbopackIgnore: the build folder is read at run time; tracing it would pull the whole project in.
  pages ??= readList(path.join(/*turbopackIgnore: true*/ process.cwd(), process.env.NEXT_DIST_DIR ?? ".next"));
  return pages;
}

const NONE: ReadonlySet<string> = new Set();

function readList(distDir: string): ReadonlySet<string> {
  const file = path.join(distDir, SCRIPT_FREE_MANIFEST);
  const buildIdFile = path.join(distDir, "BUILD_ID");
  if (!fs.existsSync(file) || !fs.existsSync(buildIdFile)) return NONE;
  const list = JSON.parse(fs.readFileSync(file, "utf8")) as { buildId?: unknown; pages?: unknown };
  if (list.buildId !== fs.readFileSync(buildIdFile, "utf8").trim()) return NONE;
  if (!Array.isArray(list.pages) || !list.pages.every((page) => typeof page === "string")) {
    throw new Error(`${file}: expected { buildId, pages: string[] }; rebuild with \`npm run build\``);
  }
  return new Set(list.pages);
}
