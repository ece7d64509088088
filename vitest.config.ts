import path from "node:path";
import { defineConfig } from "vitest/config";

// vitest 5's reporter calls Map.groupBy (Node 21+) when it prints failures; Node 20 lacks it.
// Remove this patch when Node 20 support is dropped (package.json "engines"): Map.groupBy is native from Node 21,
// and .ci/run's Node 24 step already runs the unit tests without needing it.
if (!("groupBy" in Map)) {
  Object.defineProperty(Map, "groupBy", {
    value<K, T>(items: Iterable<T>, key: (item: T, index: number) => K) {
      const groups = new Map<K, T[]>();
      let index = 0;
      for (const item of items) {
        const k = key(item, index++);
        groups.set(k, [...(groups.get(k) ?? []), item]);
      }
      return groups;
    },
  });
}

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["tests/unit/**/*.test.ts"],
    // One throwaway PostgreSQL server for the run (the suites that run on both databases use it).
    globalSetup: ["tests/setup/postgres.ts"],
    environment: "node",
    // Both cores: most suites wait on processes, SQLite, PostgreSQL and SMTP rather than compute (71 s with
    // vitest's default of one worker here, 48 s with two). Every suite has its own databases, mail folder and ports.
    maxWorkers: 2,
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
