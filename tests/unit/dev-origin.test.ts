// How the owner's tools find the site: the running dev server's address, then SITE_URL, else they say why not.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readDevOrigin, toolOrigin, writeDevOrigin } from "@/lib/server/dev-origin";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fsdev-dev-origin-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("the dev server's origin file", () => {
  it("is read while its process runs, and wins over SITE_URL", () => {
    const file = path.join(dir, "running.json");
    writeDevOrigin("http://localhost:4612", file);
    expect(readDevOrigin(file)).toBe("http://localhost:4612");
    expect(toolOrigin(file, "https://www.fsdev.example")).toBe("http://localhost:4612");
  });

  it("is ignored once its process is gone, or when broken; then SITE_URL, else nothing", () => {
    const file = path.join(dir, "stale.json");
    const gone = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" });
    fs.writeFileSync(file, JSON.stringify({ origin: "http://localhost:3000", pid: Number(gone.stdout) }));
    expect(readDevOrigin(file)).toBeNull();
    expect(toolOrigin(file, "https://www.fsdev.example/")).toBe("https://www.fsdev.example");
    expect(toolOrigin(file, undefined)).toBeNull();
    fs.writeFileSync(file, "{not json");
    expect(toolOrigin(file, undefined)).toBeNull();
    expect(toolOrigin(path.join(dir, "missing.json"), undefined)).toBeNull();
  });

  it("is removed when the server process exits", () => {
    const file = path.join(dir, "exits.json");
    const source = JSON.stringify(path.resolve("lib/server/dev-origin.ts"));
    const script = `import(${source}).then((m) => m.writeDevOrigin("http://localhost:4613", ${JSON.stringify(file)}))`;
    const run = spawnSync(process.execPath, ["--import", "tsx", "-e", script], { encoding: "utf8" });
    expect(run.status, run.stderr).toBe(0);
    expect(fs.existsSync(file)).toBe(false);
  });
});

describe("desk:link without a dev server or SITE_URL", () => {
  it("says the server is not running instead of printing a link to port 3000", () => {
    const env = { PATH: process.env.PATH, HOME: process.env.HOME, DATABASE_URL: `file:${path.join(dir, "x.db")}` };
    const run = spawnSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "lib/cli/desk-link.ts"], {
      env: env as Record<string, string | undefined> as NodeJS.ProcessEnv,
      encoding: "utf8",
    });
    expect(run.status).toBe(1);
    expect(run.stdout).not.toContain("localhost:3000");
    expect(run.stderr).toContain("desk:link: the dev server is not running and SITE_URL is not set");
  });
});
