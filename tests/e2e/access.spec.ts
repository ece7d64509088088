// An access request (POPIA section 23) in a real browser against `next start`: the owner signs in, asks the
// privacy page for what is held about an address, gets one JSON download with the person's lead (and nothing of
// an address that differs by a plus-tag), and the audit trail records it without the address.
import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { erasureHash } from "../../lib/leads/keys";
import { deskPaths } from "../../lib/routes";
import { e2eEnv } from "../../playwright.config";
import { DESK, signInByEmail, submitLead, withDb } from "../helpers/desk";
import { uniqueIp, uniqueName } from "../helpers/e2e-server";

test("the privacy page downloads what we hold about a person and records it without the address", async ({
  page,
  request,
  baseURL,
}) => {
  const tag = uniqueName("Access").replace(/\W+/g, "").toLowerCase();
  const email = `${tag}@example.com`;
  const reference = await submitLead(request, baseURL!, { name: `Ada ${tag}`, email, ip: uniqueIp() });
  const tagged = await submitLead(request, baseURL!, {
    name: `Ada Tagged ${tag}`,
    email: `${tag}+work@example.com`,
    ip: uniqueIp(),
  });

  await signInByEmail(page, uniqueIp());
  await page.goto(`${DESK}${deskPaths.erase}`);
  await page.getByLabel("Address to look up").fill(email.toUpperCase());
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download what we hold" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^access-request-\d{4}-\d{2}-\d{2}\.json$/);
  const text = fs.readFileSync(await file.path(), "utf8");
  const data = JSON.parse(text) as {
    requests: { reference: string; email: string; description: string }[];
    messages: { recipient: string; replyTo: string | null }[];
    events: unknown[];
  };
  expect(data.requests.map((row) => row.reference)).toEqual([reference]);
  expect(data.requests[0]?.email).toBe(email);
  expect(data.messages.length).toBeGreaterThanOrEqual(2);
  expect(text).not.toContain(tagged);

  const audit = withDb(
    (db) =>
      db
        .prepare("SELECT actor, detail, quoteRequestId FROM LeadEvent WHERE action = 'access_export' AND detail LIKE ?")
        .all(`%${erasureHash(email, e2eEnv.FORM_SECRET)}%`) as {
        actor: string;
        detail: string;
        quoteRequestId: number | null;
      }[],
  );
  expect(audit).toHaveLength(1);
  expect(audit[0]).toMatchObject({ actor: e2eEnv.QUOTE_TO, quoteRequestId: null });
  expect(audit[0]?.detail).toMatch(/^access request answered: 1 request, \d+ emails/);
  expect(audit[0]?.detail).not.toContain(tag);
});

test("the download is refused without a session", async ({ request }) => {
  const response = await request.post(`${DESK}${deskPaths.access}`, {
    form: { email: "someone@example.com" },
    headers: { origin: DESK, "X-Forwarded-For": uniqueIp() },
  });
  expect(response.status()).toBe(401);
  expect(response.headers()["cache-control"]).toBe("no-store");
});
