// The fixture site: a production build of a copy of the project whose content gives what the real content
// does not yet (every contact fact, one published case study; tests/setup/fixture-facts.ts), so the browser
// tests can check what a visitor sees once the owner fills them in. Production code has no test hook for it.
//
// node --import tsx tests/setup/fixture-site.ts <port>
//   copies the project to <tmp>/fsdev-fixture-site-<port> (emptied first; node_modules as hard links), edits the
//   copy's content, runs `next build`, migrates its SQLite database and serves it with `next start` until killed.
//   With FIXTURE_BUILD_ID set, a copy already built under that id is only started again (its database reset):
//   a Playwright run builds once, even when a failed test restarts the worker that started it.
// Started by tests/e2e/fixture-site.spec.ts (tests/helpers/fixture-site.ts), so only a run that includes the
// "fixture" project builds it, with the environment the main server gets (SITE_URL, DATABASE_URL and MAIL_DIR
// for this port; relative paths resolve inside the copy).
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import matter from "gray-matter";
import { FIXTURE_CASE_STUDY, FIXTURE_CLIENT_PAGE, FIXTURE_CONTACT } from "./fixture-facts";

const root = path.resolve(import.meta.dirname, "../..");
const port = Number(process.argv[2]);
if (!Number.isInteger(port) || port <= 0) throw new Error("usage: fixture-site.ts <port>");
const dir = path.join(os.tmpdir(), `fsdev-fixture-site-${port}`);
const started = Date.now();

/** Top-level entries that are not the site: history, tests, build output, local data and secrets. */
const SKIP = new Set([".git", "node_modules", ".data", ".env", ".env.local", "tests", "test-results", "perf-results"]);
const skipped = (name: string) =>
  SKIP.has(name) || name.startsWith(".next") || name.endsWith("-report") || name.endsWith(".tsbuildinfo");

function log(message: string) {
  console.log(`fixture site: ${message} (${Math.round((Date.now() - started) / 1000)} s)`);
}

/** A fresh copy: the site's files copied, node_modules hard-linked (a full copy where links cannot cross devices). */
function copyProject() {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  for (const name of fs.readdirSync(root)) {
    if (!skipped(name)) fs.cpSync(path.join(root, name), path.join(dir, name), { recursive: true });
  }
  const linked = spawnSync("cp", ["-al", path.join(root, "node_modules"), path.join(dir, "node_modules")]);
  if (linked.status !== 0) {
    fs.rmSync(path.join(dir, "node_modules"), { recursive: true, force: true });
    fs.cpSync(path.join(root, "node_modules"), path.join(dir, "node_modules"), {
      recursive: true,
      verbatimSymlinks: true,
    });
  }
}

/**
 * The main build's Turbopack cache, when there is one (a run builds the main site first): the copy differs only in
 * content and in skipping the type check, so most of its compile is reused (about 15 s instead of 45 s here).
 */
function seedBuildCache() {
  const distDir = process.env.NEXT_DIST_DIR ?? ".next";
  const cache = path.join(root, distDir, "cache", "turbopack");
  if (fs.existsSync(cache)) fs.cpSync(cache, path.join(dir, distDir, "cache", "turbopack"), { recursive: true });
}

/** content/site.ts's empty `contact: {}` filled with every fact; fails if that text is not there. */
function fillContact() {
  const file = path.join(dir, "content/site.ts");
  const text = fs.readFileSync(file, "utf8");
  const empty = "contact: {}";
  if (text.split(empty).length !== 2) {
    throw new Error(`content/site.ts: expected "${empty}" exactly once; update tests/setup/fixture-site.ts`);
  }
  fs.writeFileSync(file, text.replace(empty, `contact: ${JSON.stringify(FIXTURE_CONTACT)}`));
}

/** One published case study: an example entry with its `example` flag removed and its own slug and title. */
function writeCaseStudy() {
  const folder = path.join(dir, "content/case-studies");
  const source = path.join(folder, `${FIXTURE_CASE_STUDY.from}.mdx`);
  // An empty options object disables gray-matter's cache.
  const { data, content } = matter(fs.readFileSync(source, "utf8"), {});
  if (data.example !== true) throw new Error(`${source}: expected an example case study to copy`);
  delete data.example;
  delete data.seo;
  const { title, description, service } = FIXTURE_CASE_STUDY;
  Object.assign(data, { title, description, service });
  fs.writeFileSync(path.join(folder, `${FIXTURE_CASE_STUDY.slug}.mdx`), matter.stringify(content, data));
}

/** One content page gains a client component: it must keep the framework's scripts (the build step finds it). */
function addClientComponent() {
  const { file, render, testId } = FIXTURE_CLIENT_PAGE;
  const page = path.join(dir, file);
  const text = fs.readFileSync(page, "utf8");
  if (text.split(render).length !== 2) {
    throw new Error(`${file}: expected "${render.trim()}" exactly once; update tests/setup/fixture-facts.ts`);
  }
  const component = [
    '"use client";',
    'import { useEffect, useState } from "react";',
    "export function FixtureClientNote() {",
    '  const [state, setState] = useState("static");',
    '  useEffect(() => setState("hydrated"), []);',
    `  return <p data-testid="${testId}">{state}</p>;`,
    "}",
    "",
  ].join("\n");
  fs.writeFileSync(path.join(path.dirname(page), "fixture-client-note.tsx"), component);
  const rendered = render.replace("before={updated}", "before={<>{updated}<FixtureClientNote /></>}");
  fs.writeFileSync(
    page,
    `import { FixtureClientNote } from "./fixture-client-note";\n${text.replace(render, rendered)}`,
  );
}

/**
 * The copy's `next build` skips its type check: the copy's code is the project's, whose types the type check
 * step (npm run typecheck) and the main build have checked; only content differs, and that is checked by the
 * content schemas during the build.
 */
function skipTypeCheck() {
  const file = path.join(dir, "next.config.ts");
  const text = fs.readFileSync(file, "utf8");
  const start = "const nextConfig: NextConfig = {";
  if (text.split(start).length !== 2) {
    throw new Error(`next.config.ts: expected "${start}" exactly once; update tests/setup/fixture-site.ts`);
  }
  fs.writeFileSync(file, text.replace(start, `${start}\n  typescript: { ignoreBuildErrors: true },`));
}

function run(args: string[]) {
  const result = spawnSync(process.execPath, args, { cwd: dir, stdio: "inherit" });
  if (result.status !== 0)
    throw new Error(`fixture site: node ${args.join(" ")} failed (${result.status ?? result.signal})`);
}

const next = "node_modules/next/dist/bin/next";
const buildId = process.env.FIXTURE_BUILD_ID;
const marker = path.join(dir, ".fixture-build-id");
if (buildId && fs.existsSync(marker) && fs.readFileSync(marker, "utf8") === buildId) {
  log(`reusing the build in ${dir}`);
  fs.rmSync(path.join(dir, ".data"), { recursive: true, force: true });
} else {
  copyProject();
  fillContact();
  writeCaseStudy();
  addClientComponent();
  skipTypeCheck();
  seedBuildCache();
  log(`copied to ${dir}`);
  run([next, "build"]);
  if (buildId) fs.writeFileSync(marker, buildId);
  log("built");
}
run(["prisma/migrate.mjs", "deploy"]);
const server = spawn(process.execPath, [next, "start", "-p", String(port), "-H", "127.0.0.1"], {
  cwd: dir,
  stdio: "inherit",
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
log("starting");
