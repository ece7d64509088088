// Starts the fixture site (tests/setup/fixture-site.ts: a copy of the project with fixture content, built and
// served with `next start`) for the specs of the "fixture" project, from their beforeAll: a run that leaves
// that project out never builds it. The build is made once per Playwright run (FIXTURE_BUILD_ID).
import { spawn } from "node:child_process";
import { fixtureEnv, fixturePort, fixtureURL } from "../../playwright.config";
import { until } from "./pace";

/** A `next build` of the copy takes one to two minutes here, longer on a busy CI machine. */
export const FIXTURE_START_TIMEOUT_MS = 600_000;

export type FixtureSite = { stop: () => Promise<void> };

/** `settings`: runtime settings for the site beside the fixture's own (e.g. BOOKING_URL at a local stub). */
export async function startFixtureSite(settings: Record<string, string> = {}): Promise<FixtureSite> {
  const child = spawn(process.execPath, ["--import", "tsx", "tests/setup/fixture-site.ts", String(fixturePort)], {
    env: { ...process.env, ...fixtureEnv, ...settings } as NodeJS.ProcessEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  for (const stream of [child.stdout, child.stderr]) {
    stream.setEncoding("utf8");
    stream.on("data", (chunk: string) => {
      output += chunk;
      process.stdout.write(chunk.replace(/^(?=.)/gm, "[fixture site] "));
    });
  }
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  // A worker that ends without its afterAll takes the site with it.
  const orphaned = () => child.kill("SIGTERM");
  process.once("exit", orphaned);
  void exited.then(() => process.off("exit", orphaned));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    await exited;
  };
  try {
    await until(
      async () => {
        if (child.exitCode !== null) throw new Error(`the fixture site exited ${child.exitCode}:\n${output}`);
        return fetch(`${fixtureURL}/`).then(
          (response) => response.status === 200,
          () => false,
        );
      },
      { what: `the fixture site answering at ${fixtureURL}/`, timeoutMs: FIXTURE_START_TIMEOUT_MS, intervalMs: 500 },
    );
  } catch (error) {
    await stop();
    throw error;
  }
  return { stop };
}
