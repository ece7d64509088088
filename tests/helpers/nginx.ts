// A real nginx (Debian nginx-light) in front of app instances, run as a child process with everything it
// writes (pid, logs, temp files, cache) in a temp folder, serving the committed site config
// lib/ops/nginx-site.conf with its ${FSDEV_*} values filled in exactly as the operations doc's envsubst line does,
// and its error page written as `npm run nginx:error-page` writes it.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { quoteCopy } from "@/lib/quotes/catalog";
import { proxyErrorFiles } from "@/lib/ops/proxy-error-page";
import { closedPort } from "./smtp-server";
import { until } from "./pace";

const root = fileURLToPath(new URL("../..", import.meta.url));
export const NGINX_SITE_CONF = path.join(root, "lib/ops/nginx-site.conf");
const NGINX = ["/usr/sbin/nginx", "/usr/local/sbin/nginx", "/usr/local/nginx/sbin/nginx"].find((file) =>
  fs.existsSync(file),
);

export type TestNginx = {
  url: string;
  port: number;
  /** Access log lines: `<remote_addr> <upstream_addr> <status> <cache status> "<request>"`. */
  accessLog(): string[];
  errorLog(): string;
  stop(): Promise<void>;
};

/** The committed site config with its placeholders filled (envsubst semantics: only the listed names). */
export function siteConfig(values: Record<string, string>): string {
  return fs.readFileSync(NGINX_SITE_CONF, "utf8").replace(/\$\{(FSDEV_[A-Z_]+)\}/g, (match, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`nginx-site.conf: no value for ${name}`);
    return value;
  });
}

async function waitForPort(port: number, child: ChildProcess, logs: () => string): Promise<void> {
  await until(
    async () => {
      if (child.exitCode !== null) throw new Error(`nginx exited ${child.exitCode}:\n${logs()}`);
      return new Promise<boolean>((resolve) => {
        const socket = net.connect(port, "127.0.0.1");
        socket.once("connect", () => (socket.destroy(), resolve(true)));
        socket.once("error", () => resolve(false));
      });
    },
    { what: `nginx listening on ${port}`, timeoutMs: 15_000, intervalMs: 100 },
  ).catch((error: Error) => {
    throw new Error(`${error.message}:\n${logs()}`);
  });
}

export async function startNginx(opts: {
  upstreams: string[];
  port?: number;
  workers?: number;
  /** A server config of its own instead of the committed one (a benchmark's plain static server). */
  site?: (values: { port: number; dir: string }) => string;
}): Promise<TestNginx> {
  if (!NGINX) throw new Error("nginx is not installed (apt-get install nginx-light)");
  const port = opts.port ?? (await closedPort());
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fsdev-nginx-"));
  fs.chmodSync(dir, 0o755);
  for (const sub of ["cache", "temp"]) fs.mkdirSync(path.join(dir, sub), { mode: 0o777 });
  const errorDir = path.join(dir, "error-page");
  fs.mkdirSync(errorDir, { mode: 0o755 });
  for (const [name, text] of Object.entries(proxyErrorFiles(quoteCopy.proxyError)))
    fs.writeFileSync(path.join(errorDir, name), text, { mode: 0o644 });
  const site = opts.site
    ? opts.site({ port, dir })
    : siteConfig({
        FSDEV_SERVER_NAME: "127.0.0.1",
        FSDEV_LISTEN: `127.0.0.1:${port}`,
        FSDEV_CACHE_DIR: path.join(dir, "cache"),
        FSDEV_ERROR_DIR: errorDir,
        FSDEV_UPSTREAMS: opts.upstreams.map((address) => `server ${address} max_fails=1 fail_timeout=10s;`).join(" "),
      });
  fs.writeFileSync(path.join(dir, "site.conf"), site);
  const temp = (name: string) => `${name}_temp_path ${path.join(dir, "temp", name)};`;
  fs.writeFileSync(
    path.join(dir, "nginx.conf"),
    [
      "daemon off;",
      ...(process.getuid?.() === 0 ? ["user root root;"] : []),
      `worker_processes ${opts.workers ?? 1};`,
      `pid ${path.join(dir, "nginx.pid")};`,
      `error_log ${path.join(dir, "error.log")} warn;`,
      "events { worker_connections 4096; }",
      "http {",
      "  default_type application/octet-stream;",
      "  log_format fsdev_test '$remote_addr $upstream_addr $status $upstream_cache_status \"$request\"';",
      `  access_log ${path.join(dir, "access.log")} fsdev_test;`,
      `  ${temp("client_body")} ${temp("proxy")} ${temp("fastcgi")} ${temp("uwsgi")} ${temp("scgi")}`,
      `  include ${path.join(dir, "site.conf")};`,
      "}",
      "",
    ].join("\n"),
  );
  let output = "";
  const child = spawn(NGINX, ["-p", dir, "-c", path.join(dir, "nginx.conf"), "-e", path.join(dir, "error.log")], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const read = (file: string) =>
    fs.existsSync(path.join(dir, file)) ? fs.readFileSync(path.join(dir, file), "utf8") : "";
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitForPort(port, child, () => `${output}\n${read("error.log")}`);
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    accessLog: () => read("access.log").split("\n").filter(Boolean),
    errorLog: () => read("error.log"),
    stop,
  };
}
