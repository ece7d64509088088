// claimOnce on both databases: one claim of a (job, key) wins, the others insert nothing and leave their
// transaction usable, and a claim rolled back with its transaction can be made again.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { claimOnce, ONCE_JOBS } from "@/lib/db/once";
import type { Db } from "@/lib/db/client";
import { migratedDb, testProviders } from "../helpers/test-databases";

describe.each(testProviders())("claimOnce on %s", (provider) => {
  let db: Db;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ db, cleanup } = await migratedDb(`once-${provider}`, provider));
  }, 60_000);
  afterAll(async () => {
    await db.$disconnect();
    await cleanup();
  });

  it("lets one of many simultaneous claims win and keeps the losers' transactions usable", async () => {
    const at = new Date("2026-12-07T05:30:00Z");
    const results = await Promise.all(
      Array.from({ length: 6 }, () =>
        db.$transaction(async (tx) => {
          const won = await claimOnce(tx, ONCE_JOBS.digest, "2026-12-07", at);
          // The transaction goes on after a lost claim (a failed insert would abort it on PostgreSQL).
          await tx.scheduledRun.count();
          return won;
        }),
      ),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
    const rows = await db.scheduledRun.findMany({ where: { job: ONCE_JOBS.digest } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.createdAt.toISOString()).toBe(at.toISOString());
  });

  it("counts a claim rolled back with its transaction as never made", async () => {
    await expect(
      db.$transaction(async (tx) => {
        expect(await claimOnce(tx, ONCE_JOBS.reminder, "FS-2026-AAAAAA")).toBe(true);
        throw new Error("the outbox insert failed");
      }),
    ).rejects.toThrow("the outbox insert failed");
    expect(await db.$transaction((tx) => claimOnce(tx, ONCE_JOBS.reminder, "FS-2026-AAAAAA"))).toBe(true);
    expect(await db.$transaction((tx) => claimOnce(tx, ONCE_JOBS.reminder, "FS-2026-AAAAAA"))).toBe(false);
    // Another job with the same key is its own claim.
    expect(await db.$transaction((tx) => claimOnce(tx, ONCE_JOBS.backup, "FS-2026-AAAAAA"))).toBe(true);
  });
});
