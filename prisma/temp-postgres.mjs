// A throwaway PostgreSQL server in a temp folder, for the tests and for writing a PostgreSQL migration on a
// machine without a database server running. Debian's `postgresql` package provides the binaries
// (/usr/lib/postgresql/<version>/bin; PG_BIN overrides). As root, the server runs as the `postgres` user
// (initdb refuses root). It listens on 127.0.0.1 only, on the first free port from PG_PORT_BASE (default 54300,
// 100 ports tried), trusts local connections, and skips fsync (data is thrown away). stop() removes everything;
// it also runs when the process exits.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

/** The newest installed PostgreSQL's bin folder, or null. */
export function postgresBinDir() {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const base = "/usr/lib/postgresql";
  if (!fs.existsSync(base)) return null;
  const versions = fs
    .readdirSync(base)
    .filter((v) => fs.existsSync(path.join(base, v, "bin", "initdb")))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length ? path.join(base, versions[0], "bin") : null;
}

function portIsFree(port) {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
  });
}

/**
 * Starts a fresh cluster. Returns its admin URL (database `postgres`), `createDatabase(name)` giving a
 * URL for a new empty database, and `stop()`.
 * @returns {Promise<{ port: number, adminUrl: string, dir: string,
 *   createDatabase(name: string): Promise<string>, stop(): Promise<void>, stopSync(): void }>}
 */
export async function startTempPostgres(opts = {}) {
  const bin = postgresBinDir();
  if (!bin) {
    throw new Error(
      "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb): apt-get install postgresql, or set PG_BIN",
    );
  }
  const asRoot = process.getuid?.() === 0;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fsdev-pg-"));
  const run = (command, args) =>
    execFileSync(
      asRoot ? "runuser" : path.join(bin, command),
      asRoot ? ["-u", "postgres", "--", path.join(bin, command), ...args] : args,
      {
        stdio: "pipe",
        cwd: dir,
      },
    );
  if (asRoot) execFileSync("chown", ["postgres:postgres", dir]);
  const data = path.join(dir, "data");
  const log = path.join(dir, "server.log");
  let started = false;
  const stopSync = () => {
    if (started) {
      try {
        run("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
      } catch {
        // already gone
      }
      started = false;
    }
    fs.rmSync(dir, { recursive: true, force: true });
    process.removeListener("exit", stopSync);
  };
  process.on("exit", stopSync);
  try {
    run("initdb", [
      "-D",
      data,
      "-U",
      "postgres",
      "--auth=trust",
      "-E",
      "UTF8",
      "--locale=C",
      "--no-sync",
      "--no-instructions",
    ]);
    const base = Number(opts.portBase ?? process.env.PG_PORT_BASE ?? 54300);
    for (let port = base; port < base + 100; port++) {
      if (!(await portIsFree(port))) continue;
      const options = [
        `-p ${port}`,
        `-k ${dir}`,
        "-c listen_addresses=127.0.0.1",
        "-c fsync=off",
        "-c synchronous_commit=off",
        "-c full_page_writes=off",
        `-c max_connections=${opts.maxConnections ?? 200}`,
      ].join(" ");
      try {
        run("pg_ctl", ["-D", data, "-o", options, "-l", log, "-w", "-t", "30", "start"]);
      } catch (error) {
        // Another process took the port between the probe and the start: try the next one.
        if (fs.existsSync(log) && /could not bind|already in use/i.test(fs.readFileSync(log, "utf8"))) continue;
        throw new Error(
          `pg_ctl start failed: ${String(error)}\n${fs.existsSync(log) ? fs.readFileSync(log, "utf8") : ""}`,
        );
      }
      started = true;
      const adminUrl = `postgresql://postgres@127.0.0.1:${port}/postgres`;
      return {
        port,
        adminUrl,
        dir,
        async createDatabase(name) {
          const safe = name
            .toLowerCase()
            .replace(/[^a-z0-9_]+/g, "_")
            .slice(0, 50);
          const { default: pg } = await import("pg");
          const client = new pg.Client({ connectionString: adminUrl });
          await client.connect();
          try {
            await client.query(`DROP DATABASE IF EXISTS "${safe}" WITH (FORCE)`);
            await client.query(`CREATE DATABASE "${safe}"`);
          } finally {
            await client.end();
          }
          return `postgresql://postgres@127.0.0.1:${port}/${safe}`;
        },
        stop: async () => stopSync(),
        stopSync,
      };
    }
    throw new Error(`no free port for PostgreSQL in ${base}-${base + 99}`);
  } catch (error) {
    stopSync();
    throw error;
  }
}
