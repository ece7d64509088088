import type { DbTransaction } from "./client";

/** The jobs the scheduler runs once across every instance; each names what its keys are. */
export const ONCE_JOBS = {
  /** Key: the lead's reference. */
  reminder: "reminder",
  /** Key: the business's local date, YYYY-MM-DD. */
  digest: "digest",
  /** Key: the business's local date, YYYY-MM-DD. */
  backup: "backup",
} as const;

export type OnceJob = (typeof ONCE_JOBS)[keyof typeof ONCE_JOBS];

/**
 * Claims (job, key) inside the caller's transaction: true for the one transaction that inserts the row, false
 * for every other, on SQLite and PostgreSQL alike. The work's own rows (an outbox message) go in the same
 * transaction, so the claim and the work commit or roll back together; a claim that loses changes nothing and
 * leaves the transaction usable (`ON CONFLICT DO NOTHING`, not a failed insert, which would abort a
 * PostgreSQL transaction). Not an advisory lock: a lock orders runs, the unique row makes the second a no-op.
 */
export async function claimOnce(
  tx: DbTransaction,
  job: OnceJob,
  key: string,
  now: Date = new Date(),
): Promise<boolean> {
  const inserted = await tx.$executeRaw`
    INSERT INTO "ScheduledRun" ("job", "key", "createdAt") VALUES (${job}, ${key}, ${now})
    ON CONFLICT ("job", "key") DO NOTHING`;
  return inserted === 1;
}
