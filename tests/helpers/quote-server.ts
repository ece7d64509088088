import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { formFromResponse } from "./form-html";
import { tempDatabaseUrl } from "./temp-db";
import { until } from "./pace";

/**
 * A production `next start` of the current build on its own port, database and settings, for load and
 * benchmark runs: a temp SQLite file unless `databaseUrl` names a database (e.g. PostgreSQL) shared with
 * other instances. It needs `next build` to have run (NEXT_DIST_DIR is honoured).
 */
export type QuoteServer = {
  url: string;
  /** The `next start` process (its RSS is the server's memory). */
  pid: number;
  databaseUrl: string;
  /** The SQLite file, or "" on another database. */
  databaseFile: string;
  logs: () => string;
  /** SIGKILL: the process dies mid-work, as in a crash. */
  kill: () => Promise<void>;
  stop: () => Promise<void>;
};

/** Something already answering there would be measured instead of this build, silently. */
export async function assertPortFree(url: string): Promise<void> {
  const occupied = await fetch(url).then(
    () => true,
    () => false,
  );
  if (occupied) throw new Error(`${url} already answers: stop whatever listens there first`);
}

/** Resident memory of a process and its children, in MB (Linux /proc). */
export function rssMb(pid: number): number {
  let kb = 0;
  const visit = (id: number) => {
    try {
      kb += Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${id}/status`, "utf8"))?.[1] ?? 0);
      for (const child of fs.readFileSync(`/proc/${id}/task/${id}/children`, "utf8").trim().split(/\s+/))
        if (child) visit(Number(child));
    } catch {
      // the process ended
    }
  };
  visit(pid);
  return kb / 1024;
}

/** Bytes a process has read through read-like system calls, sockets included (Linux /proc/<pid>/io rchar). */
export function bytesRead(pid: number): number {
  try {
    return Number(/rchar:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/io`, "utf8"))?.[1] ?? NaN);
  } catch {
    return NaN;
  }
}

/** Waits until `next start` answers `probe` (any status below 500), for at most 60 s. */
export async function waitUntilServing(child: ChildProcess, probe: string, logs: () => string): Promise<void> {
  await until(
    async () => {
      if (child.exitCode !== null) throw new Error(`next start exited ${child.exitCode}:\n${logs()}`);
      // Not listening yet: fetch fails.
      return fetch(probe).then(
        (response) => response.status < 500,
        () => false,
      );
    },
    { what: `next start answering ${probe}`, timeoutMs: 60_000, intervalMs: 250 },
  ).catch((error: Error) => {
    throw new Error(`${error.message}:\n${logs()}`);
  });
}

export async function startQuoteServer(opts: {
  port: number;
  env?: Record<string, string>;
  /** A database other instances share; migrated before the start unless `migrated` says it already is. */
  databaseUrl?: string;
  migrated?: boolean;
  beforeStart?: (databaseUrl: string) => Promise<void>;
  /** Options for the server's `node` itself (V8 flags, `--import`), before the script. */
  nodeArgs?: string[];
}): Promise<QuoteServer> {
  const sqlite = tempDatabaseUrl(`server-${opts.port}`);
  const database = opts.databaseUrl ? { url: opts.databaseUrl, file: "" } : sqlite;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: database.url,
    SITE_URL: `http://127.0.0.1:${opts.port}`,
    FORM_SECRET: "load-test-form-secret-0123456789-abcdefghij",
    QUOTE_TO: "owner@fsdev.test",
    MAIL_FROM: "FS Dev website <website@fsdev.test>",
    MAIL_DIR: path.join(path.dirname(sqlite.file), "mail"),
    MAIL_TRANSPORT: opts.env?.SMTP_URL ? "smtp" : "file",
    TRUSTED_PROXY_HOPS: "1",
    MIN_SUBMIT_SECONDS: "0",
    // Load runs send more confirmations in an hour than a real site would; the cap has its own tests.
    CONFIRMATIONS_PER_HOUR: "1000",
    ...opts.env,
  } as NodeJS.ProcessEnv;
  const url = `http://127.0.0.1:${opts.port}`;
  await assertPortFree(url);
  if (!opts.migrated) execFileSync(process.execPath, ["prisma/migrate.mjs", "deploy"], { env, stdio: "pipe" });
  await opts.beforeStart?.(database.url);
  let output = "";
  const child: ChildProcess = spawn(
    process.execPath,
    [...(opts.nodeArgs ?? []), "node_modules/next/dist/bin/next", "start", "-p", String(opts.port), "-H", "127.0.0.1"],
    { env, stdio: ["ignore", "pipe", "pipe"] },
  );
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  await waitUntilServing(child, `${url}/robots.txt`, () => output);
  return {
    url,
    pid: child.pid!,
    databaseUrl: database.url,
    databaseFile: database.file,
    logs: () => output,
    kill: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGKILL");
      await exited;
    },
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGTERM");
        await exited;
      }
      sqlite.cleanup();
    },
  };
}

/** One visitor: load the form (hidden fields and a fresh token), then post it as a browser without JS would. */
export async function submitThroughServer(
  baseUrl: string,
  ip: string,
  values: Record<string, string>,
): Promise<{ status: number; html: string; ms: number; reference?: string }> {
  const page = await fetch(`${baseUrl}/quote`, { headers: { "X-Forwarded-For": ip } });
  const form = new FormData();
  for (const [name, value] of Object.entries(await formFromResponse(page))) form.append(name, value);
  for (const [name, value] of Object.entries(values)) form.append(name, value);
  const started = performance.now();
  const response = await fetch(`${baseUrl}/quote`, {
    method: "POST",
    body: form,
    headers: { "X-Forwarded-For": ip, Origin: baseUrl },
  });
  const html = await response.text();
  const ms = performance.now() - started;
  return { status: response.status, html, ms, reference: /data-testid="quote-reference">([^<]+)</.exec(html)?.[1] };
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

export const sampleValues = (name: string): Record<string, string> => ({
  name,
  // One address per request: the pipeline caps confirmations per address per day.
  email: `${name.toLowerCase().replace(/[^a-z0-9]+/g, ".")}@example.com`,
  interest: "service:custom-web-applications",
  budget: "not-sure",
  timeline: "asap",
  description: "A realistic project description sent by the load test, long enough to pass.",
  consent: "yes",
});
