/**
 * `npm run mail:retry`: sends every pending message now, whatever its next-attempt time, e.g. after the
 * owner fixed SMTP_URL. `--failed` first puts messages that ran out of attempts back in the queue.
 * Prints `mail:retry sent N, failed N, left N pending`; exits 1 if any send failed.
 */
import { describeError } from "@/lib/mail/outbox";
import { countGivenUp, countWaiting, requeueFailed } from "@/lib/mail/outbox-status";
import { loadSettingsFiles, serverContext } from "@/lib/server/context";
import { plural } from "@/lib/text/plural";
import { runCommand } from "./run-command";

const USAGE = "usage: npm run mail:retry [-- --failed]";

async function main(args: string[]): Promise<number> {
  loadSettingsFiles(console.error);
  const unknown = args.filter((arg) => arg !== "--failed");
  if (unknown.length > 0) {
    console.error(`mail:retry: unknown argument ${unknown.join(" ")}\n${USAGE}`);
    return 2;
  }
  const context = serverContext();
  const client = context.db;
  try {
    if (args.includes("--failed")) {
      console.log(`mail:retry requeued ${plural(await requeueFailed(client), "failed message", "failed messages")}`);
    }
    // A high limit: a failed row is rescheduled, not re-selected, so one pass covers the whole queue.
    const result = await context.deliver({ ignoreSchedule: true, limit: 10_000 });
    const left = await countWaiting(client);
    console.log(`mail:retry sent ${result.sent}, failed ${result.failed}, left ${left} pending`);
    const gaveUp = await countGivenUp(client);
    if (gaveUp > 0)
      console.log(
        `mail:retry ${gaveUp === 1 ? "1 message" : `${gaveUp} messages`} ran out of attempts; ` +
          '"npm run mail:retry -- --failed" retries them',
      );
    return result.failed > 0 ? 1 : 0;
  } finally {
    await context.close();
  }
}

await runCommand("mail:retry", main, describeError);
