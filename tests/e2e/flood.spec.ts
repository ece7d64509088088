// A small spam flood through `next start` with a real SMTP server (correctness only; `npm run bench:flood`
// measures the full-size flood): 200 spam-like posts from 50 addresses in 10 s, public pages loaded
// throughout, one real request in the middle. Every spam post with a token is stored as spam and never
// mailed (those without one are stored nowhere), the real request is stored and both its emails arrive, sent
// after its own response while the flood still runs, every page load answers, and the server is still up.
import { expect, test } from "@playwright/test";
import { runFlood } from "../helpers/flood";
import { startQuoteServer } from "../helpers/quote-server";
import { closedPort, startSmtpServer } from "../helpers/smtp-server";

test("a spam flood: spam stored as spam, never mailed; the real request stored and mailed; pages answer", async () => {
  test.setTimeout(240_000);
  const smtp = await startSmtpServer();
  const server = await startQuoteServer({
    port: await closedPort(),
    env: { SMTP_URL: smtp.url, MIN_SUBMIT_SECONDS: "1" },
  });
  try {
    const result = await runFlood({
      server,
      smtp,
      posts: 200,
      addresses: 50,
      durationMs: 10_000,
      concurrency: 16,
      leadAtMs: 5_000,
      minSubmitSeconds: 1,
      pages: ["/", "/services", "/products/straider-ai", "/quote"],
      quietMs: 1_000,
    });
    expect(result.statuses).toEqual({ 200: 200 });
    expect(result.probeFailures).toEqual([]);
    expect(result.probeMs.length).toBeGreaterThan(0);
    expect(result.lead.status).toBe(200);
    expect(result.lead.reference).toMatch(/^FS-\d{4}-[0-9A-Z]{6}$/);
    expect(result.lead.stored).toBe("new");
    expect(result.lead.mails).toBe(2);
    // Its mail goes out by its own after-response send while the flood still runs, not at the end of the flood
    // and not by the minute scheduler after a claim ran out: each message sent at its first attempt, and the
    // SMTP server received the owner's notice before the last spam post was answered.
    for (const row of result.lead.outbox) expect(row).toMatchObject({ status: "sent", attempts: 1 });
    expect(result.lead.noticeReceivedAt).toBeLessThan(result.floodEndedAt);
    // The database holds the spam (kept for review) and the one real request; only the real one has mail.
    // Posts without a token (a quarter of them) are asked to send again with one, and leave no row. The forged
    // tokens (a quarter, 50) are stored as spam; the honeypot and link quarters replay the one token the bots
    // scraped, which makes at most FORM_TOKEN_MAX_LEADS (3) leads: the rest are answered alike and stored nowhere.
    expect(result.rows).toEqual({ spam: 50 + 3, new: 1 });
    expect(result.outbox).toEqual({ owner_notice: 1, prospect_confirmation: 1 });
    expect(smtp.received).toHaveLength(2);
    expect(result.alive).toBe(true);
    expect(server.logs()).not.toMatch(/⨯|Unhandled|FATAL|SQLITE_BUSY/);
  } finally {
    await server.stop();
    await smtp.stop();
  }
});
