// The response clock in a real browser against `next start`: the success screen states the promise the server
// computed, the desk shows each New lead's absolute local due time and its business-hours distance, sorts New by
// due time, counts overdue leads in its navigation, and "Mark as answered" stops the clock; axe 0 on those views
// at 1280 and 390 px.
import { expectNoViolations } from "../helpers/axe";
import { expect, test } from "@playwright/test";
import { dueState } from "../../lib/leads/response-due";
import { responsePromise } from "../../lib/quotes/response-promise";
import { parseEnv, responseClock } from "../../lib/server/env";
import { deskLeadPath } from "../../lib/routes";
import { DESK, signInByEmail, submitLead, withDb } from "../helpers/desk";
import { fillValid, storedRequests, uniqueIp, uniqueName } from "../helpers/e2e-server";

test.describe.configure({ mode: "serial" });

/** The e2e server's clock: its settings leave the clock at the defaults. */
const clock = responseClock(parseEnv({}));

/** The stored arrival time of a lead. */
function createdAt(reference: string): Date {
  const row = withDb(
    (db) =>
      db.prepare("SELECT createdAt FROM QuoteRequest WHERE reference = ?").get(reference) as { createdAt: string },
  );
  return new Date(row.createdAt);
}

/** Moves a lead's arrival back in time (stored as Prisma writes it), so that it is overdue. */
function age(reference: string, to: Date) {
  const stored = to.toISOString().replace("Z", "+00:00");
  withDb((db) =>
    db
      .prepare("UPDATE QuoteRequest SET createdAt = ?, consentAt = ? WHERE reference = ?")
      .run(stored, stored, reference),
  );
}

test("the success screen states the response promise computed from the stored arrival time", async ({ page }) => {
  await page.context().setExtraHTTPHeaders({ "X-Forwarded-For": uniqueIp() });
  const name = uniqueName("Promise");
  await page.goto("/quote");
  await fillValid(page, name);
  await page.getByRole("button", { name: "Send request" }).click();
  await expect(page.getByTestId("quote-success")).toBeVisible();
  const [stored] = storedRequests("name = ?", name);
  const expected = responsePromise(createdAt(stored!.reference), clock);
  expect(expected).toMatch(/^You will hear from Francois by \w+day \d{1,2} \w+, \d{2}:\d{2} SAST\.$/);
  await expect(page.getByTestId("quote-promise")).toHaveText(expected);
});

test("the desk shows due times, sorts New by them, counts the overdue, and Mark as answered stops the clock", async ({
  page,
  request,
  baseURL,
}) => {
  // One word in both names: the inbox is searched for it, so both are on its first page however many New leads
  // the run has made.
  const word = uniqueName("Due").replace(/\W+/g, "");
  const fresh = await submitLead(request, baseURL!, { name: `${word} fresh`, ip: uniqueIp() });
  const late = await submitLead(request, baseURL!, { name: `${word} late`, ip: uniqueIp() });
  // Three weeks ago: long past its due time (and older than every other New lead of the run).
  age(late, new Date(Date.now() - 21 * 86_400_000));
  await signInByEmail(page, uniqueIp());
  const now = new Date();

  await page.goto(`${DESK}/desk?status=new&q=${word}`);
  await expect(page.getByText(/new leads? matching “\w+”, earliest due first\./)).toBeVisible();
  const overdueCount = Number((await page.getByTestId("overdue-count").textContent())!.replace(/\D+/g, ""));
  expect(overdueCount).toBeGreaterThanOrEqual(1);
  await expect(page.getByRole("link", { name: /^Inbox \d+ overdue$/ })).toBeVisible();

  const rows = page.locator("tbody tr");
  const references = await rows.locator("th").allTextContents();
  // Earliest due first: the aged lead before the fresh one.
  expect(references.indexOf(late)).toBeGreaterThanOrEqual(0);
  expect(references.indexOf(late)).toBeLessThan(references.indexOf(fresh));

  const lateDue = dueState(createdAt(late), now, clock);
  const lateCell = rows.filter({ hasText: late }).getByTestId("due-time");
  await expect(lateCell).toHaveAttribute("data-overdue", "true");
  await expect(lateCell.locator("time")).toHaveText(lateDue.local);
  await expect(lateCell).toContainText(/overdue by \d+ business hours?/);

  const freshDue = dueState(createdAt(fresh), now, clock);
  const freshCell = rows.filter({ hasText: fresh }).getByTestId("due-time");
  await expect(freshCell.locator("time")).toHaveText(freshDue.local);
  await expect(freshCell.locator("time")).toHaveAttribute("dateTime", freshDue.dueAt.toISOString());
  await expect(freshCell).toContainText(freshDue.overdue ? /overdue by/ : /due in \d+ business (hours?|minutes?)/);
  await expectNoViolations(page, "inbox, New, with due times");

  await page.goto(`${DESK}${deskLeadPath(late)}`);
  await expect(page.getByText("Answer due:")).toBeVisible();
  await expect(page.getByTestId("due-time")).toContainText("overdue by");
  await expectNoViolations(page, "lead page, unanswered");
  await page.getByRole("button", { name: "Mark as answered" }).click();
  // The refreshed page replaces the form with the time of the first response.
  await expect(page.getByTestId("first-response")).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("lead-status")).toContainText("In progress");
  await expect(page.getByTestId("first-response")).toContainText("First answered");
  await expect(page.getByTestId("timeline")).toContainText("Marked as answered (answered outside the desk)");
  await expect(page.getByRole("button", { name: "Mark as answered" })).toHaveCount(0);
  const stored = withDb(
    (db) =>
      db.prepare("SELECT status, firstResponseAt FROM QuoteRequest WHERE reference = ?").get(late) as {
        status: string;
        firstResponseAt: string | null;
      },
  );
  expect(stored.status).toBe("in_progress");
  expect(stored.firstResponseAt).not.toBeNull();
  // One overdue lead fewer in the navigation.
  const after = await page.getByTestId("overdue-count").count();
  const remaining =
    after === 0 ? 0 : Number((await page.getByTestId("overdue-count").textContent())!.replace(/\D+/g, ""));
  expect(remaining).toBe(overdueCount - 1);
});

for (const viewport of [
  { width: 1280, height: 900 },
  { width: 390, height: 844 },
]) {
  test(`axe: the inbox with due times, a lead's response panel and the sources at ${viewport.width} px`, async ({
    page,
    request,
    baseURL,
  }) => {
    await page.setViewportSize(viewport);
    const reference = await submitLead(request, baseURL!, { name: uniqueName("Axe due"), ip: uniqueIp() });
    age(reference, new Date(Date.now() - 14 * 86_400_000));
    await signInByEmail(page, uniqueIp());
    await expect(page.getByTestId("overdue-count")).toBeVisible();
    await expectNoViolations(page, "inbox (New, an overdue lead)");
    await page.goto(`${DESK}${deskLeadPath(reference)}`);
    await expectNoViolations(page, "lead with its due time");
    await page.getByRole("button", { name: "Mark as answered" }).click();
    await expect(page.getByTestId("first-response")).toBeVisible();
    await expectNoViolations(page, "lead, answered");
    await page.goto(`${DESK}/desk/sources`);
    await expect(page.getByRole("columnheader", { name: "Median first response" }).first()).toBeVisible();
    await expectNoViolations(page, "sources");
  });
}
