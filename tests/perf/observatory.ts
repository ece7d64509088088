// The Mozilla HTTP Observatory's grade of the site over TLS (part of `npm run perf`; `npm run perf:observatory`
// alone against the last build). A benchmark, not a test: it prints, it fails nothing.
//
// A throwaway CA and a certificate for localhost are made with openssl in a temp folder (deleted at the end,
// never committed); nginx serves the committed site config (lib/ops/nginx-site.conf, as tests/helpers/nginx.ts
// runs it) over TLS on PERF_PORT + 1, with http on PERF_PORT + 2 redirecting there, in front of a `next start` of
// the current build on PERF_PORT whose SITE_URL is that https origin (so its cookies are Secure, as in
// production). The scan runs in its own process with NODE_EXTRA_CA_CERTS naming the CA
// (tests/perf/observatory-scan.mjs).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { siteConfig, startNginx } from "../helpers/nginx";
import { startQuoteServer } from "../helpers/quote-server";

const pages = process.env.PERF_OBSERVATORY_PAGES?.split(",") ?? [
  "/",
  "/articles/understanding-back-end-developers",
  "/products/straider-ai",
  "/quote",
  "/desk/sign-in",
];
const appPort = Number(process.env.PERF_PORT ?? 3995);
const httpsPort = appPort + 1;
const httpPort = appPort + 2;
const HOST = "localhost";

type Scan = {
  path: string;
  status: number;
  url: string;
  grade: string;
  score: number;
  tests: string;
  failed: string[];
  bonuses: string[];
};

/** A CA made for this run and a localhost certificate it signed, in `dir`. */
function makeCertificates(dir: string): { ca: string; cert: string; key: string } {
  const file = (name: string) => path.join(dir, name);
  const openssl = (...args: string[]) => execFileSync("openssl", args, { stdio: "pipe" });
  openssl(
    ...["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=FS Dev perf run CA"],
    ...["-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign"],
    ...["-keyout", file("ca.key"), "-out", file("ca.pem")],
  );
  openssl(
    ...["req", "-newkey", "rsa:2048", "-nodes", "-subj", `/CN=${HOST}`],
    ...["-keyout", file("localhost.key"), "-out", file("localhost.csr")],
  );
  fs.writeFileSync(
    file("localhost.ext"),
    `subjectAltName=DNS:${HOST},IP:127.0.0.1\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n`,
  );
  openssl(
    ...["x509", "-req", "-in", file("localhost.csr"), "-CA", file("ca.pem"), "-CAkey", file("ca.key")],
    ...["-CAcreateserial", "-days", "1", "-extfile", file("localhost.ext"), "-out", file("localhost.pem")],
  );
  return { ca: file("ca.pem"), cert: file("localhost.pem"), key: file("localhost.key") };
}

/**
 * The committed site config over TLS (the `listen ... ssl` and certificate lines its header comment asks for),
 * and a server on the http port that sends every request to the https origin.
 */
function tlsSite(dir: string, upstream: string, certs: { cert: string; key: string }): string {
  const site = siteConfig({
    FSDEV_SERVER_NAME: HOST,
    FSDEV_LISTEN: `127.0.0.1:${httpsPort} ssl`,
    FSDEV_CACHE_DIR: path.join(dir, "cache"),
    FSDEV_ERROR_DIR: path.join(dir, "error-page"),
    FSDEV_UPSTREAMS: `server ${upstream} max_fails=1 fail_timeout=10s;`,
  });
  const tls = `    ssl_certificate ${certs.cert};\n    ssl_certificate_key ${certs.key};\n`;
  if (!site.includes("    server_tokens off;\n")) throw new Error("nginx-site.conf: no `server_tokens off;` line");
  return [
    site.replace("    server_tokens off;\n", `    server_tokens off;\n${tls}`),
    "server {",
    `    listen 127.0.0.1:${httpPort};`,
    `    server_name ${HOST};`,
    "    server_tokens off;",
    `    return 301 https://${HOST}:${httpsPort}$request_uri;`,
    "}",
    "",
  ].join("\n");
}

const certDir = fs.mkdtempSync(path.join(os.tmpdir(), "fsdev-observatory-"));
const certs = makeCertificates(certDir);
const server = await startQuoteServer({ port: appPort, env: { SITE_URL: `https://${HOST}:${httpsPort}` } });
const upstream = new URL(server.url).host;
const nginx = await startNginx({
  upstreams: [upstream],
  port: httpsPort,
  site: ({ dir }) => tlsSite(dir, upstream, certs),
});
let scans: Scan[];
try {
  const output = execFileSync(
    process.execPath,
    ["tests/perf/observatory-scan.mjs", HOST, String(httpPort), String(httpsPort), ...pages],
    { env: { ...process.env, NODE_EXTRA_CA_CERTS: certs.ca }, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] },
  );
  scans = output
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as Scan);
} finally {
  await nginx.stop();
  await server.stop();
  fs.rmSync(certDir, { recursive: true, force: true });
}

console.log(
  `\nMozilla HTTP Observatory (@mdn/mdn-http-observatory, its scoring) over TLS, ` +
    `${new Date().toISOString().slice(0, 10)}: ` +
    `https://${HOST}:${httpsPort} through nginx, http://${HOST}:${httpPort} redirecting there\n`,
);
console.log("| page | status | grade | score | tests passed | failing | bonuses |\n|---|---|---|---|---|---|---|");
for (const scan of scans) {
  console.log(
    `| ${scan.path} | ${scan.status} | ${scan.grade} | ${scan.score} | ${scan.tests} | ` +
      `${scan.failed.join("; ") || "none"} | ${scan.bonuses.join("; ") || "none"} |`,
  );
}
