/**
 * The address `npm run dev` answers on, for the owner's command-line tools. The dev server writes it to a file
 * when it starts (lib/server/start.ts); `npm run desk:link` and `npm run content:new` read it, so their links
 * name the port the server really runs on, whatever `-p` or PORT said. The file holds the server's process id:
 * once that process is gone the file is ignored (and removed when the server exits normally).
 */
import fs from "node:fs";
import path from "node:path";

/** Where the running dev server's origin is kept (under .data/, which git ignores). */
export const DEV_ORIGIN_FILE = ".data/dev-origin.json";

type Record = { origin: string; pid: number };

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Records `origin` as this process's; removes the file again when the process exits. */
export function writeDevOrigin(origin: string, file = DEV_ORIGIN_FILE): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const record: Record = { origin, pid: process.pid };
  fs.writeFileSync(file, `${JSON.stringify(record)}\n`);
  process.once("exit", () => {
    try {
      if (readRecord(file)?.pid === process.pid) fs.rmSync(file, { force: true });
    } catch {
      // Leaving a stale file is harmless: its process id no longer answers.
    }
  });
}

function readRecord(file: string): Record | null {
  try {
    const parsed = JSON.parse(fs.readFileSync(file, "utf8")) as Partial<Record>;
    if (typeof parsed.origin !== "string" || !URL.canParse(parsed.origin) || typeof parsed.pid !== "number")
      return null;
    return { origin: new URL(parsed.origin).origin, pid: parsed.pid };
  } catch {
    return null;
  }
}

/** The origin of the dev server that is running now, or null (no file, a broken one, or its process is gone). */
export function readDevOrigin(file = DEV_ORIGIN_FILE): string | null {
  const record = readRecord(file);
  return record && alive(record.pid) ? record.origin : null;
}

/** What the tools say when they have no address to give. */
export const NO_SERVER =
  "the dev server is not running and SITE_URL is not set: " +
  "start it with `npm run dev` (or set SITE_URL to the site's address)";

/**
 * The site's address for a command-line tool: the running dev server's, then SITE_URL, otherwise null
 * (the tool then says NO_SERVER).
 */
export function toolOrigin(file = DEV_ORIGIN_FILE, siteUrl = process.env.SITE_URL): string | null {
  const running = readDevOrigin(file);
  if (running) return running;
  return siteUrl && URL.canParse(siteUrl) ? new URL(siteUrl).origin : null;
}
