import fs from "node:fs";
import { defineConfig, devices } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3917);
const baseURL = `http://127.0.0.1:${port}`;
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

/** The environment of a test server on `serverPort` (its own database, mail folder and origin). */
const serverEnv = (serverPort: number) => ({
  NODE_ENV: "production",
  NEXT_TELEMETRY_DISABLED: "1",
  DATABASE_URL: `file:./.data/e2e-${serverPort}.db`,
  MAIL_DIR: `.data/e2e-${serverPort}-mail`,
  // The browser tests read the mail as .eml files.
  MAIL_TRANSPORT: "file",
  SITE_URL: `http://127.0.0.1:${serverPort}`,
  // Passkeys refuse an IP address as their domain, so the desk's tests reach it as localhost.
  DESK_URL: `http://localhost:${serverPort}`,
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

export const e2eEnv = serverEnv(port);
export const fixtureEnv = serverEnv(fixturePort);

export default defineConfig({
  testDir: "tests/e2e",
  // One throwaway PostgreSQL server for the run (the topology and concurrency specs use it).
  globalSetup: "./tests/setup/postgres.ts",
  fullyParallel: false,
  workers: 1,
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
  webServer: [
    {
      command: [
        `rm -rf .data/e2e-${port}.db* .data/e2e-${port}-mail`,
        "node prisma/migrate.mjs deploy",
        `node node_modules/next/dist/bin/next start -p ${port} -H 127.0.0.1`,
      ].join(" && "),
      url: `${baseURL}/`,
      reuseExistingServer: false,
      timeout: 90_000,
      env: e2eEnv,
      stdout: "pipe",
      stderr: "pipe",
    },
  ],
});
