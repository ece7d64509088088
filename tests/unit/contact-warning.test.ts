import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { site } from "@/content/site";
import { missingContactFacts } from "@/lib/content/contact";

// next.config.ts lists the contact facts content/site.ts leaves empty, once per `next build`. Each case runs real
// processes (the Next.js CLI, or next.config.ts loaded the way the build and its workers load it), whose
// environment starts without the flag the first report sets.
const WARNING = "Contact facts not set in content/site.ts";

/** How often a command printed the warning (stdout and stderr together). */
function warnings(args: string[]): number {
  const result = spawnSync(process.execPath, args, {
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NEXT_TELEMETRY_DISABLED: "1",
      SITE_URL: "http://a.test",
    } as Record<string, string | undefined> as NodeJS.ProcessEnv,
    encoding: "utf8",
  });
  expect(result.status, result.stderr).toBe(0);
  return `${result.stdout}${result.stderr}`.split(WARNING).length - 1;
}

describe("the missing-contact warning", () => {
  it("has something to report: the shipped content/site.ts leaves contact facts empty", () => {
    expect(missingContactFacts(site.contact ?? {})).not.toEqual([]);
  });

  it("is printed once when the build phase loads next.config.ts in a process and again in a worker it starts", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "contact-warning-"));
    const script = path.join(dir, "load.mjs");
    const config = JSON.stringify(pathToFileURL(path.resolve("next.config.ts")).href);
    const worker =
      'process.execArgv.concat(process.argv.slice(1)), { env: { ...process.env, WORKER: "1" }, stdio: "inherit" }';
    fs.writeFileSync(
      script,
      [
        'import { execFileSync } from "node:child_process";',
        `const { default: config } = await import(${config});`,
        'config("phase-production-build");',
        `if (!process.env.WORKER) execFileSync(process.execPath, ${worker});`,
      ].join("\n"),
    );
    try {
      expect(warnings(["--import", "tsx", script])).toBe(1);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it("is not printed by `next typegen` (npm run typecheck), which loads next.config.ts in the build phase", () => {
    expect(warnings(["node_modules/next/dist/bin/next", "typegen"])).toBe(0);
  }, 60_000);
});
