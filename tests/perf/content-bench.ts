// Benchmark (not a test): how the build scales with the number of articles. For 10, 100 and 1,000 generated
// articles, a temporary copy of the project (node_modules hard-linked) gets a content/articles folder of that
// many articles made from the committed one, and `next build` runs there. Prints build time and the peak
// memory of the whole build process tree (sum of resident set sizes, sampled every 200 ms from /proc).
//   npm run bench:content  [-- --counts 10,100,1000]
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../..", import.meta.url));
const countsArg = process.argv[process.argv.indexOf("--counts") + 1];
const counts = process.argv.includes("--counts") && countsArg ? countsArg.split(",").map(Number) : [10, 100, 1000];
const SKIP = new Set(["node_modules", ".git", ".data", "test-results", "playwright-report", "perf-results"]);

/** Resident memory (bytes) of a process and all its descendants, from /proc. */
function treeRss(pid: number): number {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const ppid = Number(fields[1]);
      const pages = Number(fields[21]);
      rss.set(Number(entry), pages * 4096);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // the process ended meanwhile
    }
  }
  let total = 0;
  const queue = [pid];
  while (queue.length) {
    const next = queue.pop()!;
    total += rss.get(next) ?? 0;
    queue.push(...(children.get(next) ?? []));
  }
  return total;
}

function copyProject(target: string) {
  for (const entry of fs.readdirSync(root)) {
    if (SKIP.has(entry) || entry.startsWith(".next")) continue;
    fs.cpSync(path.join(root, entry), path.join(target, entry), { recursive: true });
  }
  // Hard links: a copy of node_modules in seconds, without its 800 MB (falls back to a symlink across devices).
  const linked = spawn("cp", ["-al", path.join(root, "node_modules"), path.join(target, "node_modules")]);
  return new Promise<void>((resolve) =>
    linked.on("exit", (code) => {
      if (code !== 0) fs.symlinkSync(path.join(root, "node_modules"), path.join(target, "node_modules"));
      resolve();
    }),
  );
}

function writeArticles(target: string, count: number) {
  const dir = path.join(target, "content/articles");
  const [template] = fs.readdirSync(dir).filter((name) => name.endsWith(".mdx"));
  const source = fs.readFileSync(path.join(dir, template!), "utf8");
  fs.rmSync(dir, { recursive: true });
  fs.mkdirSync(dir);
  for (let i = 1; i <= count; i++) {
    const day = new Date(Date.UTC(2024, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
    const text = source
      .replace(/^title: .*$/m, `title: "Generated article ${i}: notes on building software"`)
      .replace(/^published: .*$/m, `published: "${day}"`);
    fs.writeFileSync(path.join(dir, `generated-article-${String(i).padStart(4, "0")}.mdx`), text);
  }
}

async function build(target: string): Promise<{ seconds: number; peakMb: number; ok: boolean; tail: string }> {
  const started = performance.now();
  let output = "";
  const child = spawn(process.execPath, ["node_modules/next/dist/bin/next", "build"], {
    cwd: target,
    env: { ...process.env, SITE_URL: "http://127.0.0.1:3000", NEXT_TELEMETRY_DISABLED: "1", NEXT_DIST_DIR: ".next" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, treeRss(child.pid!))), 200);
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  clearInterval(sampler);
  return {
    seconds: (performance.now() - started) / 1000,
    peakMb: peak / 1024 / 1024,
    ok: code === 0,
    tail: output.split("\n").slice(-15).join("\n"),
  };
}

console.log(`content benchmark on ${new Date().toISOString()}, node ${process.version}, ${os.cpus().length} cores`);
console.log("| articles | build time | peak memory (build process tree) | pages generated |");
console.log("|---:|---:|---:|---:|");
let current: string | undefined;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    // Interrupted: remove the temporary copy (a build child dies with its process group).
    if (current) fs.rmSync(current, { recursive: true, force: true });
    process.exit(130);
  });
}
for (const count of counts) {
  const target = fs.mkdtempSync(path.join(os.tmpdir(), `fsdev-content-${count}-`));
  current = target;
  try {
    await copyProject(target);
    writeArticles(target, count);
    const result = await build(target);
    if (!result.ok) {
      console.log(`| ${count} | build failed after ${result.seconds.toFixed(0)} s | | |\n${result.tail}`);
      continue;
    }
    const manifest = JSON.parse(fs.readFileSync(path.join(target, ".next/prerender-manifest.json"), "utf8")) as {
      routes: Record<string, unknown>;
    };
    const generated = Object.keys(manifest.routes).length;
    console.log(`| ${count} | ${result.seconds.toFixed(0)} s | ${result.peakMb.toFixed(0)} MB | ${generated} |`);
  } finally {
    fs.rmSync(target, { recursive: true, force: true });
  }
}
