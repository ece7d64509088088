import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { assertPortFree, waitUntilServing } from "../helpers/quote-server";

const fixture = path.join(import.meta.dirname, "floor-app");
const nodeModules = path.resolve("node_modules");

/** The deepest folder that holds both paths: Turbopack must see the app and the node_modules it links to. */
export function commonRoot(a: string, b: string): string {
  const left = a.split(path.sep);
  const right = b.split(path.sep);
  let shared = 0;
  while (shared < left.length && left[shared] === right[shared]) shared++;
  return left.slice(0, shared).join(path.sep) || path.sep;
}

/**
 * The framework's floor: a bare Next.js App Router app (one layout, one page, no CSS, no font), built and
 * served by `next start` with the site's own Next.js, for `npm run perf` to measure side by side.
 *
 * It is built from a copy outside the repository: built in place, Turbopack also bundled the site's
 * `instrumentation.ts` and `proxy.ts` into it, and it would no longer be bare.
 */
export async function startFloorApp(port: number): Promise<{ url: string; stop: () => Promise<void> }> {
  const url = `http://127.0.0.1:${port}`;
  await assertPortFree(url);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fsdev-floor-"));
  fs.cpSync(path.join(fixture, "app"), path.join(dir, "app"), { recursive: true });
  fs.symlinkSync(nodeModules, path.join(dir, "node_modules"), "dir");
  fs.writeFileSync(
    path.join(dir, "next.config.mjs"),
    `export default { turbopack: { root: ${JSON.stringify(commonRoot(dir, nodeModules))} } };\n`,
  );
  const nextBin = path.join(nodeModules, "next/dist/bin/next");
  const env = { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" } as NodeJS.ProcessEnv;
  delete env.NEXT_DIST_DIR;
  let child: ChildProcess | undefined;
  const stop = async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child!.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    execFileSync(process.execPath, [nextBin, "build"], { cwd: dir, env, stdio: "pipe" });
    let output = "";
    child = spawn(process.execPath, [nextBin, "start", "-p", String(port), "-H", "127.0.0.1"], {
      cwd: dir,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout!.on("data", (chunk) => (output += chunk));
    child.stderr!.on("data", (chunk) => (output += chunk));
    await waitUntilServing(child, url, () => output);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, stop };
}
