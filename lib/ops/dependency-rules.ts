/**
 * What a dependency update must keep, as data and pure checks. `npm run deps:check` (lib/cli/deps-check.ts)
 * runs these against package.json, package-lock.json, renovate.json and the registry; renovate.json groups and
 * pins the same packages (a check below keeps its groups equal to these). Why each rule exists:
 * docs/operations.md, "Dependencies".
 */

export type VersionMap = Record<string, string>;
export type LockEntry = {
  version?: string;
  dependencies?: VersionMap;
  optionalDependencies?: VersionMap;
  hasInstallScript?: boolean;
  link?: boolean;
};
export type Lock = { packages: Record<string, LockEntry> };
export type Manifest = {
  dependencies?: VersionMap;
  devDependencies?: VersionMap;
  allowScripts?: Record<string, boolean>;
};
export type RenovateRule = { groupName?: string; matchPackageNames?: string[]; allowedVersions?: string };
export type RenovateConfig = { packageRules?: RenovateRule[] };
/** One check's outcome: `problems` empty means it passed; `detail` says what was checked. */
export type CheckResult = { name: string; detail: string; problems: string[] };

export type LockStepGroup = {
  /** renovate.json's `groupName` for the same packages. */
  name: string;
  /** The direct dependencies updated together (renovate.json's `matchPackageNames`). */
  packages: readonly string[];
  /** Installed packages (direct or not) that must carry one and the same version. */
  equal: readonly string[];
};

const PRISMA_RUNTIME = [
  "prisma",
  "@prisma/client",
  "@prisma/adapter-better-sqlite3",
  "@prisma/adapter-pg",
  "@prisma/driver-adapter-utils",
] as const;

/**
 * better-auth: @better-auth/passkey is in the group but not in `equal`: its newest release can trail the
 * library, and it pins exact peer versions of @better-auth/utils, @better-fetch/fetch and better-call, so
 * better-auth can only move as far as those peers allow (`npm ls` reports a mismatch; npm install refuses it).
 */
export const LOCK_STEP_GROUPS: readonly LockStepGroup[] = [
  {
    name: "better-auth",
    packages: ["better-auth", "@better-auth/core", "@better-auth/passkey"],
    equal: ["better-auth", "@better-auth/core"],
  },
  { name: "prisma", packages: [...PRISMA_RUNTIME, "@prisma/schema-engine-wasm"], equal: PRISMA_RUNTIME },
  {
    name: "next",
    packages: ["next", "@next/env", "@next/eslint-plugin-next"],
    equal: ["next", "@next/env", "@next/eslint-plugin-next"],
  },
  {
    name: "tailwind",
    packages: ["tailwindcss", "@tailwindcss/postcss"],
    equal: ["tailwindcss", "@tailwindcss/postcss", "@tailwindcss/oxide"],
  },
  { name: "react", packages: ["react", "react-dom"], equal: ["react", "react-dom"] },
  // smtp-server (the tests' mail server) pins nodemailer exactly: moved apart, the tests get a second copy.
  { name: "nodemailer", packages: ["nodemailer", "smtp-server"], equal: [] },
];

/** Packages of which exactly one copy may be installed (a second copy is a second, untested runtime). */
export const SINGLETONS = [
  "next",
  "react",
  "react-dom",
  "better-auth",
  "@better-auth/core",
  "@prisma/client",
  "nodemailer",
];

/** The migration engine (prisma/migrate.mjs): its version must be the installed Prisma CLI's engine build. */
export const SCHEMA_ENGINE = "@prisma/schema-engine-wasm";
const ENGINES_VERSION = "@prisma/engines-version";

/**
 * Packages whose platform binaries are optional dependencies: every one must be in the registry, or the
 * lockfile lacks it and `npm ci` fails on every machine. A root's dependencies that are roots themselves
 * (next → @next/safe-image-optimization) are followed.
 */
export const PLATFORM_ROOTS = ["next", "@next/safe-image-optimization", "@tailwindcss/oxide"];

/** The package name of a lockfile key (`node_modules/a/node_modules/@s/b` → `@s/b`). */
export function nameOfKey(key: string): string {
  return key.slice(key.lastIndexOf("node_modules/") + "node_modules/".length);
}

/** The lockfile key `name` resolves to from the package at `from` (Node's lookup: nearest node_modules up). */
export function resolveKey(lock: Lock, from: string, name: string): string | undefined {
  let base = from;
  for (;;) {
    const key = base ? `${base}/node_modules/${name}` : `node_modules/${name}`;
    if (lock.packages[key]) return key;
    if (!base) return undefined;
    const cut = base.lastIndexOf("/node_modules/");
    base = cut < 0 ? "" : base.slice(0, cut);
  }
}

/** The version of `name` the project itself gets (top-level install). */
export function installedVersion(lock: Lock, name: string): string | undefined {
  return lock.packages[`node_modules/${name}`]?.version;
}

function directVersion(manifest: Manifest, name: string): string | undefined {
  return manifest.dependencies?.[name] ?? manifest.devDependencies?.[name];
}

export function checkLockStepGroups(manifest: Manifest, lock: Lock): CheckResult {
  const problems: string[] = [];
  const lines: string[] = [];
  for (const group of LOCK_STEP_GROUPS) {
    for (const name of group.packages) {
      if (!directVersion(manifest, name)) problems.push(`${group.name}: ${name} is not a dependency in package.json`);
    }
    const versions = group.equal.map((name) => `${name}@${installedVersion(lock, name) ?? "(not installed)"}`);
    const distinct = new Set(group.equal.map((name) => installedVersion(lock, name)));
    const absent = group.equal.filter((name) => !installedVersion(lock, name));
    if (absent.length > 0) problems.push(`${group.name}: not installed: ${absent.join(", ")}`);
    else if (distinct.size > 1) problems.push(`${group.name}: versions differ: ${versions.join(", ")}`);
    const [only] = distinct;
    lines.push(distinct.size === 1 && only ? `${group.name} ${only}` : group.name);
  }
  return { name: "lock-step groups", detail: lines.join("; "), problems };
}

export function checkSingletons(lock: Lock): CheckResult {
  const problems: string[] = [];
  for (const name of SINGLETONS) {
    const copies = Object.keys(lock.packages).filter((key) => key && nameOfKey(key) === name);
    if (copies.length !== 1) {
      const where = copies.map((key) => `${key}@${lock.packages[key]?.version}`).join(", ");
      problems.push(`${name}: ${copies.length} copies installed${where ? ` (${where})` : ""}`);
    }
  }
  return { name: "single copies", detail: SINGLETONS.join(", "), problems };
}

export function checkSchemaEngine(lock: Lock): CheckResult {
  const engineKey = resolveKey(lock, "node_modules/prisma", "@prisma/engines");
  const versionKey = engineKey && resolveKey(lock, engineKey, ENGINES_VERSION);
  const wanted = versionKey ? lock.packages[versionKey]?.version : undefined;
  const have = installedVersion(lock, SCHEMA_ENGINE);
  const prisma = installedVersion(lock, "prisma");
  const problems =
    wanted && have === wanted
      ? []
      : [
          `prisma ${prisma} needs the engine build ${wanted ?? "(unknown)"}, ` +
            `${SCHEMA_ENGINE} is ${have ?? "missing"}: install ${SCHEMA_ENGINE}@${wanted} ` +
            `(if the registry has no such build, keep the prisma group at the last version that has one)`,
        ];
  return {
    name: "prisma schema engine",
    detail: `prisma ${prisma} engine ${wanted}, ${SCHEMA_ENGINE} ${have}`,
    problems,
  };
}

/**
 * Every dependency and optional dependency of every lockfile entry resolves to an entry. A platform package the
 * registry lacked when the lock was written is missing here, and `npm ci` then refuses to install.
 */
export function checkLockComplete(lock: Lock): CheckResult {
  const problems: string[] = [];
  let edges = 0;
  for (const [key, entry] of Object.entries(lock.packages)) {
    if (entry.link) continue;
    for (const name of Object.keys({ ...entry.dependencies, ...entry.optionalDependencies })) {
      edges++;
      if (!resolveKey(lock, key, name)) problems.push(`${name}, needed by ${key || "the project"}, is not in the lock`);
    }
  }
  return { name: "lockfile complete", detail: `${edges} dependency edges resolve`, problems };
}

/** Every package with an install script is named in allowScripts (true: runs, false: skipped), and no other. */
export function checkAllowScripts(manifest: Manifest, lock: Lock): CheckResult {
  const withScripts = new Set(
    Object.entries(lock.packages)
      .filter(([key, entry]) => key && entry.hasInstallScript)
      .map(([key]) => nameOfKey(key)),
  );
  const listed = new Set(Object.keys(manifest.allowScripts ?? {}));
  const problems = [
    ...[...withScripts]
      .filter((name) => !listed.has(name))
      .map((name) => `${name} has an install script but no allowScripts entry (approve or deny it)`),
    ...[...listed]
      .filter((name) => !withScripts.has(name))
      .map((name) => `allowScripts names ${name}, which no installed package with an install script is`),
  ];
  const summary = [...withScripts]
    .sort()
    .map((name) => `${name}: ${manifest.allowScripts?.[name] ? "runs" : "skipped"}`);
  return { name: "install scripts", detail: summary.join(", "), problems };
}

/** renovate.json has each lock-step group with the same packages, so the two lists cannot drift apart. */
export function checkRenovateGroups(renovate: RenovateConfig): CheckResult {
  const problems: string[] = [];
  for (const group of LOCK_STEP_GROUPS) {
    const rule = renovate.packageRules?.find((candidate) => candidate.groupName === group.name);
    const have = [...(rule?.matchPackageNames ?? [])].sort().join(", ");
    const want = [...group.packages].sort().join(", ");
    if (!rule) problems.push(`renovate.json has no packageRule with groupName "${group.name}"`);
    else if (have !== want) problems.push(`renovate.json group "${group.name}" matches [${have}], expected [${want}]`);
  }
  return { name: "renovate groups", detail: LOCK_STEP_GROUPS.map((group) => group.name).join(", "), problems };
}

type Triple = [number, number, number];

function parseVersion(text: string): Triple | undefined {
  const match = /^(\d+)\.(\d+)\.(\d+)/.exec(text.trim());
  return match ? [Number(match[1]), Number(match[2]), Number(match[3])] : undefined;
}

function compare(a: Triple, b: Triple): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

/**
 * Whether an exact version satisfies a range made of space-separated comparators: `22.x`, `1.7.x`, `<13`,
 * `<=1.7.7`, `>=1.0.0`, `>2`, `=1.2.3` or a bare version (the forms renovate.json's allowedVersions use here).
 */
export function satisfies(version: string, range: string): boolean {
  const have = parseVersion(version);
  if (!have) return false;
  return range
    .trim()
    .split(/\s+/)
    .every((comparator) => {
      const wildcard = /^(\d+)(?:\.(\d+))?\.x$/.exec(comparator);
      if (wildcard)
        return have[0] === Number(wildcard[1]) && (wildcard[2] === undefined || have[1] === Number(wildcard[2]));
      const match = /^(<=|>=|<|>|=)?(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec(comparator);
      if (!match) return false;
      const bound: Triple = [Number(match[2]), Number(match[3] ?? 0), Number(match[4] ?? 0)];
      const order = compare(have, bound);
      switch (match[1]) {
        case "<":
          return order < 0;
        case "<=":
          return order <= 0;
        case ">":
          return order > 0;
        case ">=":
          return order >= 0;
        default:
          return order === 0;
      }
    });
}

/**
 * Each pin in renovate.json (`allowedVersions`) holds for the version package.json asks for, or for `others`
 * (versions pinned outside package.json, such as the Node 24 package in .ci/run).
 */
export function checkPins(manifest: Manifest, renovate: RenovateConfig, others: VersionMap = {}): CheckResult {
  const problems: string[] = [];
  const pins: string[] = [];
  for (const rule of renovate.packageRules ?? []) {
    if (!rule.allowedVersions) continue;
    for (const name of rule.matchPackageNames ?? []) {
      const version = directVersion(manifest, name) ?? others[name];
      pins.push(`${name} ${rule.allowedVersions}`);
      if (!version) problems.push(`renovate.json pins ${name}, which nothing here installs`);
      else if (!satisfies(version, rule.allowedVersions))
        problems.push(`${name} ${version} is outside renovate.json's allowedVersions "${rule.allowedVersions}"`);
    }
  }
  return { name: "pins", detail: pins.join(", "), problems };
}

/** Every dependency in package.json is an exact version (the lockfile is then the only source of ranges). */
export function checkExactVersions(manifest: Manifest): CheckResult {
  const all = { ...manifest.dependencies, ...manifest.devDependencies };
  const problems = Object.entries(all)
    .filter(([, spec]) => !/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/.test(spec))
    .map(([name, spec]) => `${name} is "${spec}", not an exact version`);
  return { name: "exact versions", detail: `${Object.keys(all).length} dependencies`, problems };
}

/** What `npm view <name>@<spec> version optionalDependencies dependencies --json` says about one package. */
export type RegistryManifest = { version?: string; optionalDependencies?: VersionMap; dependencies?: VersionMap };
export type PackageSpec = { name: string; spec: string };
export type Registry = {
  /** A version's manifest, or undefined when the registry has no such version. */
  manifest: (name: string, spec: string) => Promise<RegistryManifest | undefined>;
  /** For each package, whether the registry has a version matching its spec. */
  exist: (packages: PackageSpec[]) => Promise<boolean[]>;
};

/**
 * The platform packages (name and version spec) of a root and of the roots among its dependencies, as the
 * registry's manifests list them.
 */
export async function platformPackages(
  root: string,
  spec: string,
  registry: Pick<Registry, "manifest">,
): Promise<(PackageSpec & { parent: string })[]> {
  const manifest = (await registry.manifest(root, spec)) ?? {};
  const own = Object.entries(manifest.optionalDependencies ?? {})
    .filter(([name]) => !PLATFORM_ROOTS.includes(name))
    .map(([name, version]) => ({ name, spec: version, parent: `${root}@${spec}` }));
  const nested = await Promise.all(
    Object.entries(manifest.dependencies ?? {})
      .filter(([name]) => PLATFORM_ROOTS.includes(name) && name !== root)
      .map(([name, version]) => platformPackages(name, version, registry)),
  );
  return [...own, ...nested.flat()];
}

/** Every platform package of each root (a version to install, or one to try) is in the registry. */
export async function checkPlatformPackages(roots: PackageSpec[], registry: Registry): Promise<CheckResult> {
  const problems: string[] = [];
  const found: string[] = [];
  for (const root of roots) {
    if (!root.spec) {
      problems.push(`${root.name} is not installed; name a version (${root.name}@<version>)`);
    } else if (!(await registry.manifest(root.name, root.spec))) {
      problems.push(`${root.name}@${root.spec} is not in the registry`);
    } else {
      const wanted = await platformPackages(root.name, root.spec, registry);
      const present = await registry.exist(wanted);
      const missing = wanted.filter((_item, index) => !present[index]);
      for (const item of missing) problems.push(`${item.name}@${item.spec} (of ${item.parent}) is not in the registry`);
      found.push(`${root.name}@${root.spec}: ${wanted.length - missing.length} of ${wanted.length}`);
    }
  }
  return { name: "platform packages in the registry", detail: found.join("; "), problems };
}

/** One node of `npm ls --all --json`. */
export type LsNode = {
  version?: string;
  invalid?: string;
  missing?: boolean;
  extraneous?: boolean;
  dependencies?: Record<string, LsNode>;
};

/** Problems in an `npm ls --all --json` tree; an `invalid` whose wanted spec is a dist-tag is returned apart. */
export function lsProblems(tree: LsNode): {
  problems: string[];
  tagSpecs: { name: string; tag: string; version: string }[];
} {
  const problems = new Set<string>();
  const tagSpecs = new Map<string, { name: string; tag: string; version: string }>();
  const walk = (node: LsNode, path: string) => {
    for (const [name, child] of Object.entries(node.dependencies ?? {})) {
      const where = `${path} > ${name}@${child.version ?? "?"}`;
      const tag = child.invalid && /^"([a-z][a-z0-9-]*)" from /.exec(child.invalid)?.[1];
      if (tag && child.version) tagSpecs.set(`${name}@${tag}`, { name, tag, version: child.version });
      else if (child.invalid) problems.add(`invalid: ${where} (wanted ${child.invalid})`);
      if (child.missing) problems.add(`missing: ${where}`);
      if (child.extraneous) problems.add(`extraneous: ${where}`);
      walk(child, where);
    }
  };
  walk(tree, "(project)");
  return { problems: [...problems], tagSpecs: [...tagSpecs.values()] };
}
