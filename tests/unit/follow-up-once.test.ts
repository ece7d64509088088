// Exactly once with several instances: two separate Node processes, each with its own database client, run the
// reminders and the digest at the same moment against one database. Each reminder and the day's digest is
// queued once in all, whichever process claims it (lib/db/once.ts: the claim and the outbox row commit together).
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { ONCE_JOBS } from "@/lib/db/once";
import { FOLLOW_UP_KINDS, type FollowUpResult } from "@/lib/leads/follow-up";
import { seedLead } from "../helpers/lead-seed";
import { until } from "../helpers/pace";
import { migratedDb, testProviders } from "../helpers/test-databases";

const LEADS = 24;
const ROUNDS = 2;
/** Monday 7 December 2026, 09:00 SAST: the digest's time has come and every lead below is overdue. */
const NOW = "2026-12-07T07:00:00.000Z";

type Worker = { child: ChildProcessWithoutNullStreams; output: string; errors: string; exit: Promise<number | null> };

function startWorker(url: string): Worker {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "tests/helpers/follow-up-worker.ts", url, NOW, String(ROUNDS)],
    {
      stdio: ["pipe", "pipe", "pipe"],
    },
  );
  const worker: Worker = { child, output: "", errors: "", exit: new Promise((resolve) => child.on("exit", resolve)) };
  child.stdout.on("data", (chunk: Buffer) => (worker.output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (worker.errors += chunk.toString()));
  return worker;
}

describe.each(testProviders())("follow-ups from two processes on %s", (provider) => {
  let db: Db;
  let url: string;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ db, url, cleanup } = await migratedDb(`follow-up-once-${provider}`, provider));
    // Arrived Wednesday 2 December, due Thursday: overdue on Monday, each owed one reminder.
    for (let i = 0; i < LEADS; i++)
      await seedLead(db, {
        reference: `FS-2026-ONCE${String(i).padStart(2, "0")}`,
        createdAt: new Date(Date.parse("2026-12-02T08:00:00Z") + i * 60_000),
      });
  }, 60_000);
  afterAll(async () => cleanup());

  it("queues each reminder and the day's digest exactly once between them", async () => {
    const workers = [startWorker(url), startWorker(url)];
    try {
      await until(() => workers.every((worker) => worker.output.includes("ready\n")), {
        what: "both workers connected to the database",
        timeoutMs: 30_000,
        intervalMs: 50,
      });
      for (const worker of workers) worker.child.stdin.write("go\n");
      const codes = await Promise.all(workers.map((worker) => worker.exit));
      expect(codes, workers.map((worker) => worker.errors).join("\n")).toEqual([0, 0]);
    } finally {
      for (const worker of workers) if (worker.child.exitCode === null) worker.child.kill();
    }
    const results = workers.map(
      (worker) => JSON.parse(worker.output.split("\n").filter(Boolean).at(-1)!) as FollowUpResult[],
    );
    const reminded = results.flat().flatMap((result) => result.reminded);
    expect(reminded).toHaveLength(LEADS);
    expect(new Set(reminded).size).toBe(LEADS);
    expect(results.flat().filter((result) => result.digest?.sent)).toHaveLength(1);
    // Which process sends which reminder is the scheduler's luck (on an idle machine one may take them all); what
    // must hold is the total: each lead reminded once, one digest, whichever process got there first.

    expect(await db.outboxMessage.count({ where: { kind: FOLLOW_UP_KINDS.reminder } })).toBe(LEADS);
    expect(await db.outboxMessage.count({ where: { kind: FOLLOW_UP_KINDS.digest } })).toBe(1);
    expect(await db.scheduledRun.count({ where: { job: ONCE_JOBS.reminder } })).toBe(LEADS);
    expect(await db.scheduledRun.count({ where: { job: ONCE_JOBS.digest } })).toBe(1);
  }, 60_000);
});
