// The quote form with a lead webhook set, against `next start`: the visitor's answer never waits for the receiver
// (the alert is posted after the response, like the mail), and an alert the receiver missed is retried and arrives
// signed, once. The receiver is real (node:http, tests/helpers/webhook-receiver.ts), verifying with the
// standardwebhooks package; the retry is `npm run mail:retry`, the owner's command, on the server's database.
import crypto from "node:crypto";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { expect, test } from "@playwright/test";
import type { StandardPayload } from "@/lib/webhooks/payload";
import { sampleValues, startQuoteServer, submitThroughServer } from "../helpers/quote-server";
import { until } from "../helpers/pace";
import { queryRows } from "../helpers/test-databases";
import { startWebhookReceiver } from "../helpers/webhook-receiver";

const SECRET = `whsec_${crypto.randomBytes(32).toString("base64")}`;
/** One of this suite's own ports (E2E_PORT + 7), so parallel runs on other ports do not collide. */
const PORT = Number(process.env.E2E_PORT ?? 3917) + 7;

test("a hanging receiver never holds up the form; the missed alert is retried and arrives signed, once", async () => {
  test.setTimeout(120_000);
  const receiver = await startWebhookReceiver(SECRET);
  await receiver.setMode("hang");
  const server = await startQuoteServer({
    port: PORT,
    env: {
      LEAD_WEBHOOK_URL: receiver.url,
      LEAD_WEBHOOK_SECRET: SECRET,
      // The server would wait a minute for the receiver: the form must not.
      SMTP_TIMEOUT_MS: "60000",
    },
  });
  try {
    const sent = await submitThroughServer(server.url, "10.77.0.1", sampleValues("Webhook Visitor"));
    expect(sent.status).toBe(200);
    expect(sent.reference).toMatch(/^FS-\d{4}-[0-9A-Z]{6}$/);
    // The answer is in; the alert reaches the receiver after it and is held there unanswered.
    await until(() => receiver.held === 1, {
      what: "the alert held by the hanging receiver",
      timeoutMs: 20_000,
      intervalMs: 50,
    });
    expect(receiver.alerts.size).toBe(0);

    // The receiver goes down with the alert in its hands: the server records a failed attempt.
    await receiver.setMode("down");
    const alertRow = async () =>
      (
        await queryRows<{ status: string; attempts: number; lastError: string | null }>(
          server.databaseUrl,
          `SELECT status, attempts, "lastError" FROM "OutboxMessage" WHERE kind = 'lead_webhook'`,
        )
      )[0];
    const failed = await until(async () => ((await alertRow())?.lastError ? await alertRow() : undefined), {
      what: "the failed attempt recorded",
      timeoutMs: 20_000,
      intervalMs: 100,
    });
    expect(failed).toMatchObject({ status: "pending", attempts: 1 });

    // Back up; the owner's retry delivers it (run asynchronously: the receiver answers from this process).
    await receiver.setMode("ok");
    const retry = await promisify(execFile)(
      process.execPath,
      ["node_modules/tsx/dist/cli.mjs", "lib/cli/mail-retry.ts"],
      {
        env: {
          ...process.env,
          DATABASE_URL: server.databaseUrl,
          MAIL_TRANSPORT: "file",
          MAIL_DIR: `${server.databaseFile}-mail`,
          LEAD_WEBHOOK_URL: receiver.url,
          LEAD_WEBHOOK_SECRET: SECRET,
        },
      },
    );
    expect(retry.stdout, retry.stderr).toMatch(/mail:retry sent \d+, failed 0/);
    expect((await alertRow())?.status).toBe("sent");
    expect([...receiver.alerts.keys()]).toEqual([`lead.received.${sent.reference}`]);
    const alert = receiver.alerts.get(`lead.received.${sent.reference}`) as StandardPayload;
    expect(alert.data).toMatchObject({
      reference: sent.reference,
      deskUrl: `${server.url}/desk/leads/${sent.reference}`,
    });
    expect(alert.data).not.toHaveProperty("contact");
    expect(server.logs()).not.toContain(receiver.url);
  } finally {
    await server.stop();
    await receiver.stop();
  }
});
