/**
 * `npm run nginx:error-page -- <dir>`: writes the page nginx answers with when no instance can (proxy-error.html)
 * and its headers (proxy-error-headers.conf) into `dir`, the folder FSDEV_ERROR_DIR names in
 * lib/ops/nginx-site.conf. Run it again after editing the page's words (content/quote-form.ts, `proxyError`).
 */
import fs from "node:fs";
import path from "node:path";
import { proxyErrorFiles } from "@/lib/ops/proxy-error-page";
import { quoteCopy } from "@/lib/quotes/catalog";
import { runCommand } from "./run-command";

const USAGE = "usage: npm run nginx:error-page -- <dir>   (the folder FSDEV_ERROR_DIR names)";

function main(args: string[]): number {
  if (args.length !== 1 || args[0]!.startsWith("-")) {
    console.error(`nginx:error-page: ${USAGE}`);
    return 2;
  }
  const dir = path.resolve(args[0]!);
  // nginx's workers run as another user: the folder and the files are readable by all, like nginx's own.
  fs.mkdirSync(dir, { recursive: true, mode: 0o755 });
  for (const [name, text] of Object.entries(proxyErrorFiles(quoteCopy.proxyError))) {
    fs.writeFileSync(path.join(dir, name), text, { mode: 0o644 });
    console.log(`nginx:error-page wrote ${path.join(dir, name)}`);
  }
  return 0;
}

await runCommand("nginx:error-page", main);
