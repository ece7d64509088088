import fs from "node:fs";
import { defineConfig, devices } from "@playwright/test";

/**
 * Two workers, each with its own production server (its own SQLite database and mail folder) on the run's port plus
 * SERVER_PORT_STRIDE times the worker's index: the suite mostly waits on servers, timers and mail, so two halves run
 * side by side on two cores. E2E_WORKERS=1 runs it on one. A spec file runs whole on one worker.
 */
const workers = Math.max(1, Number(process.env.E2E_WORKERS ?? 2));
const SERVER_PORT_STRIDE = 50;
const runPort = Number(process.env.E2E_PORT ?? 3917);
const serverPort = (index: number) => runPort + SERVER_PORT_STRIDE * index;
// Playwright sets TEST_PARALLEL_INDEX in each worker (0 .. workers - 1); the runner itself has none.
const port = serverPort(Number(process.env.TEST_PARALLEL_INDEX ?? 0));
const baseURL = `http://127.0.0.1:${port}`;
/** The origin static pages carry (canonical, Open Graph, sitemap): tests/run-all.sh builds with the run's port. */
export const buildSiteURL = `http://127.0.0.1:${runPort}`;
// The fixture site (tests/setup/fixture-site.ts): a second production build whose content gives every contact
// fact and a published case study, for tests/e2e/fixture-site.spec.ts, which starts it (tests/helpers/fixture-site.ts)
// so that only a run including the "fixture" project builds it.
export const fixturePort = Number(process.env.E2E_FIXTURE_PORT ?? 3941);
export const fixtureURL = `http://127.0.0.1:${fixturePort}`;
// One id per Playwright run (the runner sets it; its workers inherit it): the fixture site is built once per run.
process.env.FIXTURE_BUILD_ID ??= `${process.pid}-${Date.now()}`;

/** Debian's chromium where it exists (offline machines, CI); Playwright's own browser elsewhere. */
function chromiumPath(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  return fs.existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined;
}

/** The environment of a test server on `listenPort` (its own database, mail folder and origin). */
const serverEnv = (listenPort: number) => ({
  NODE_ENV: "production",
  NEXT_TELEMETRY_DISABLED: "1",
  DATABASE_URL: `file:./.data/e2e-${listenPort}.db`,
  MAIL_DIR: `.data/e2e-${listenPort}-mail`,
  // The browser tests read the mail as .eml files.
  MAIL_TRANSPORT: "file",
  SITE_URL: `http://127.0.0.1:${listenPort}`,
  // Passkeys refuse an IP address as their domain, so the desk's tests reach it as localhost.
  DESK_URL: `http://localhost:${listenPort}`,
  FORM_SECRET: "e2e-form-secret-0123456789-abcdefghijklmnop",
  QUOTE_TO: "owner@fsdev.test",
  MAIL_FROM: "FS Dev website <website@fsdev.test>",
  // Short enough for the browser tests to submit quickly; production keeps the default (3 s).
  MIN_SUBMIT_SECONDS: "1",
  // The tests play a proxy: each sends its own X-Forwarded-For, so the per-IP limit is per test.
  TRUSTED_PROXY_HOPS: "1",
  // The suite sends more confirmations in an hour than a real site would; the cap has its own tests.
  CONFIRMATIONS_PER_HOUR: "1000",
  // Each test's request context keeps one form token for many posts; the cap per token has its own tests.
  FORM_TOKEN_MAX_LEADS: "1000",
  // The desk's tests sign in by email many times in 15 minutes; the cap on owner links has its own test.
  SIGN_IN_LINK_MAX: "100",
});

/** This worker's server. */
export const e2eEnv = serverEnv(port);
export const fixtureEnv = serverEnv(fixturePort);

export default defineConfig({
  testDir: "tests/e2e",
  // One throwaway PostgreSQL server for the run (the topology and concurrency specs use it).
  globalSetup: "./tests/setup/postgres.ts",
  fullyParallel: false,
  workers,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: [["list"]],
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: chromiumPath(),
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [
    { name: "desktop", use: { ...devices["Desktop Chrome"] }, testIgnore: /(mobile|fixture-site)\.spec\.ts/ },
    { name: "mobile", use: { ...devices["Pixel 7"] }, testMatch: /mobile\.spec\.ts/ },
    {
      name: "fixture",
      use: { ...devices["Desktop Chrome"], baseURL: fixtureURL },
      testMatch: /fixture-site\.spec\.ts/,
    },
  ],
  webServer: Array.from({ length: workers }, (_, index) => {
    const port = serverPort(index);
    return {
      command: [
        `rm -rf .data/e2e-${port}.db* .data/e2e-${port}-mail`,
        "node prisma/migrate.mjs deploy",
        `node node_modules/next/dist/bin/next start -p ${port} -H 127.0.0.1`,
      ].join(" && "),
      url: `http://127.0.0.1:${port}/`,
      reuseExistingServer: false,
      timeout: 90_000,
      env: serverEnv(port),
      stdout: "pipe" as const,
      stderr: "pipe" as const,
    };
  }),
});
