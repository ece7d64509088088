// One instance of the scheduler in its own Node process with its own database client, for
// tests/unit/follow-up-once.test.ts: it connects, says "ready", waits for "go" on stdin (so two instances start
// their run at the same moment), runs the follow-ups at the `now` it was given and prints what it queued.
// Usage: node --import tsx tests/helpers/follow-up-worker.ts <DATABASE_URL> <now ISO> <rounds>
import { once } from "node:events";
import { createDb } from "@/lib/db/client";
import { runFollowUps } from "@/lib/leads/follow-up";
import { parseEnv, responseClock } from "@/lib/server/env";

const [url, nowIso, rounds = "1"] = process.argv.slice(2);
const db = createDb(url!);
await db.quoteRequest.count();
process.stdout.write("ready\n");
await once(process.stdin, "data");
const ctx = {
  db,
  clock: responseClock(parseEnv({})),
  ownerTo: "owner@fsdev.test",
  deskOrigin: "https://desk.fsdev.test",
  digestTime: "07:30",
  staleDays: 7,
};
const results = [];
for (let round = 0; round < Number(rounds); round++) results.push(await runFollowUps(ctx, new Date(nowIso!)));
process.stdout.write(`${JSON.stringify(results)}\n`);
await db.$disconnect();
process.stdin.destroy();
