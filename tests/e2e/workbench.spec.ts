// The desk as a workbench, in a real browser against `next start`: filters that live in the URL (with and without
// JavaScript), bulk actions (both ways), the keyboard (j/k/o, ?, the switch, never while typing), the phone's
// cards and lead page, and a lead's deal value and next step through to the inbox and the sources page.
import { expect, test, type Page } from "@playwright/test";
import { deskLeadPath } from "../../lib/routes";
import { SHORTCUTS_STORAGE_KEY } from "../../components/desk/shortcut-keys";
import { DESK, signInByEmail, submitLead, withDb } from "../helpers/desk";
import { uniqueIp, uniqueName } from "../helpers/e2e-server";

test.describe.configure({ mode: "serial" });

const PHONE = { width: 390, height: 844 };

/** Attaches a full-page screenshot to the test's report (test-results/, never committed); never a condition. */
async function shot(page: Page, name: string) {
  await test.info().attach(name, { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });
}

const tag = () => `zq${Date.now().toString(36)}${Math.floor(Math.random() * 1e4).toString(36)}`;

/** Three leads that share a word found only in their messages; one of them asks big about automation. */
async function threeLeads(request: Parameters<typeof submitLead>[0], baseURL: string, word: string) {
  const description = (n: number) => `Project ${n}: the word ${word.toUpperCase()} appears only in this message.`;
  const names = [uniqueName("Filter A"), uniqueName("Filter B"), uniqueName("Filter C")];
  const references = [
    await submitLead(request, baseURL, { name: names[0]!, ip: uniqueIp(), fields: { description: description(1) } }),
    await submitLead(request, baseURL, {
      name: names[1]!,
      ip: uniqueIp(),
      fields: { description: description(2), budget: "over-500k", interest: "service:automation" },
    }),
    await submitLead(request, baseURL, {
      name: names[2]!,
      ip: uniqueIp(),
      fields: { description: description(3), budget: "over-500k", interest: "other" },
    }),
  ];
  return { names, references };
}

const rows = (page: Page) => page.getByTestId("inbox-row");

/** The elements that reach past the viewport's right edge (the page would scroll sideways), named for the message. */
function tooWide(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll("body *")]
      .filter((element) => element.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
      .map((element) => `${element.tagName.toLowerCase()}.${element.className}`.slice(0, 120)),
  );
}

test("filters live in the URL: search the message, interest, budget, order; the address reopens the view", async ({
  page,
  request,
  baseURL,
}) => {
  const word = tag();
  const { names } = await threeLeads(request, baseURL!, word);
  await signInByEmail(page, uniqueIp());
  await page.getByLabel("Search (reference, name, email, company, message)").fill(word);
  await page.getByRole("button", { name: "Search" }).click();
  await expect(rows(page)).toHaveCount(3);
  await page.getByLabel("Budget").selectOption({ label: "Over R500 000" });
  await page.getByLabel("Interest").selectOption({ value: "service:automation" });
  await page.getByLabel("Order").selectOption("budget");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page)).toContainText(names[1]!);
  const url = new URL(page.url());
  // A plain GET form sends its empty choices too ("age="), which mean "any".
  expect(Object.fromEntries([...url.searchParams].filter(([, value]) => value !== ""))).toEqual({
    status: "new",
    q: word,
    interest: "service:automation",
    budget: "over-500k",
    sort: "budget",
  });
  await page.setViewportSize({ width: 1280, height: 900 });
  await shot(page, "inbox-filters-1280");
  // The bookmark: a fresh page on the same address shows the same view, its form filled in.
  const again = await page.context().newPage();
  await again.goto(url.toString());
  await expect(rows(again)).toHaveCount(1);
  await expect(again.getByLabel("Budget")).toHaveValue("over-500k");
  await expect(again.getByTestId("inbox-summary")).toContainText("budget Over R500 000");
  // Tabs keep the filters; "Clear filters" drops them.
  await again.getByRole("link", { name: /^Won/ }).click();
  expect(new URL(again.url()).searchParams.get("budget")).toBe("over-500k");
  await again.getByRole("link", { name: "Clear filters" }).click();
  await expect(again).toHaveURL(`${DESK}/desk?status=won`);
  await again.close();
});

test("bulk: tick two leads, mark them as spam; each change is on its lead's timeline", async ({
  page,
  request,
  baseURL,
}) => {
  const word = tag();
  const { references } = await threeLeads(request, baseURL!, word);
  await signInByEmail(page, uniqueIp());
  await page.goto(`${DESK}/desk?status=new&q=${word}`);
  await page.getByLabel(`Tick ${references[0]}`).check();
  await page.getByLabel(`Tick ${references[2]}`).check();
  await page.getByLabel("With the ticked leads").selectOption("spam");
  await page.getByRole("button", { name: "Apply to ticked leads" }).click();
  await expect(page.getByRole("form", { name: "Bulk action" }).getByTestId("action-message")).toHaveText(
    "2 leads moved to Spam.",
  );
  await expect(rows(page)).toHaveCount(1);
  const events = withDb((db) =>
    db
      .prepare(
        `SELECT q.reference, e.action, e.fromStatus, e.toStatus FROM LeadEvent e JOIN QuoteRequest q
         ON q.id = e.quoteRequestId WHERE q.reference IN (?, ?, ?) ORDER BY q.reference`,
      )
      .all(...references),
  );
  expect(events).toEqual(
    [references[0], references[2]].sort().map((reference) => ({
      reference,
      action: "spam",
      fromStatus: "new",
      toStatus: "spam",
    })),
  );
  // Nothing ticked: a clear answer, nothing changed.
  await page.getByRole("button", { name: "Apply to ticked leads" }).click();
  await expect(page.getByText("Tick the leads to change.")).toBeVisible();
});

test("keyboard: j/k move, o opens, ? explains; never while typing; the off switch is remembered", async ({
  page,
  request,
  baseURL,
}) => {
  const word = tag();
  const { references } = await threeLeads(request, baseURL!, word);
  await signInByEmail(page, uniqueIp());
  // Newest first (New's own default is due order, oldest first).
  await page.goto(`${DESK}/desk?status=new&q=${word}&sort=received`);
  // The shortcuts' switch appears once the page's script runs: from then on the keys are heard.
  const ready = () => expect(page.getByTestId("shortcuts")).toBeVisible();
  await ready();
  const link = (reference: string) => page.getByRole("link", { name: reference, exact: true });
  // Newest first: C, B, A.
  await page.locator("body").click({ position: { x: 5, y: 5 } });
  await page.keyboard.press("j");
  await expect(link(references[2]!)).toBeFocused();
  await page.keyboard.press("j");
  await expect(link(references[1]!)).toBeFocused();
  await page.keyboard.press("k");
  await expect(link(references[2]!)).toBeFocused();

  // In a field the keys are text.
  const search = page.getByLabel("Search (reference, name, email, company, message)");
  await search.fill("");
  await search.press("j");
  await search.press("?");
  await expect(search).toHaveValue("j?");
  await expect(search).toBeFocused();
  await expect(page.getByRole("dialog")).toBeHidden();

  // ? opens the list in a modal dialog, Escape closes it.
  await link(references[2]!).focus();
  await page.keyboard.press("?");
  const dialog = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText("next lead");
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();

  // The switch: off, remembered across a reload; the keys do nothing then.
  await page.getByLabel("Single-key shortcuts").uncheck();
  expect(await page.evaluate((key) => localStorage.getItem(key), SHORTCUTS_STORAGE_KEY)).toBe("off");
  await page.reload();
  await expect(page.getByLabel("Single-key shortcuts")).not.toBeChecked();
  await page.locator("body").click({ position: { x: 5, y: 5 } });
  await page.keyboard.press("j");
  await expect(link(references[2]!)).not.toBeFocused();
  await page.keyboard.press("?");
  await expect(page.getByRole("dialog")).toBeHidden();
  await page.getByLabel("Single-key shortcuts").check();

  // o opens the focused lead; on its page, p moves it to In progress.
  await page.locator("body").click({ position: { x: 5, y: 5 } });
  await page.keyboard.press("j");
  await page.keyboard.press("o");
  await expect(page).toHaveURL(`${DESK}${deskLeadPath(references[2]!)}`);
  await ready();
  await page.keyboard.press("p");
  await expect(page.getByTestId("lead-status")).toContainText("In progress");
  await expect(page.getByTestId("timeline")).toContainText("Status: New → In progress");
});

test("deal value and next step: saved, audited, due first in In progress, summed, and won value per source", async ({
  page,
  request,
  baseURL,
}) => {
  const word = tag();
  const { references } = await threeLeads(request, baseURL!, word);
  await signInByEmail(page, uniqueIp());
  // Today in the business's zone (the e2e server's default BUSINESS_TIME_ZONE).
  const today = new Date().toLocaleDateString("en-CA", { timeZone: "Africa/Johannesburg" });
  // B (the newer) first, then A, whose page stays open: A gets the plan.
  for (const reference of [references[1]!, references[0]!]) {
    await page.goto(`${DESK}${deskLeadPath(reference)}`);
    await page.getByLabel("Status", { exact: true }).selectOption({ label: "In progress" });
    await page.getByRole("button", { name: "Change status" }).click();
    await expect(page.getByTestId("lead-status")).toContainText("In progress");
  }
  // Bad input: a field-level error, nothing stored.
  await page.getByLabel("Estimated deal value").fill("lots");
  await page.getByRole("button", { name: "Save deal value" }).click();
  await expect(page.getByText("Give a whole amount")).toBeVisible();
  await expect(page.getByLabel("Estimated deal value")).toHaveAttribute("aria-invalid", "true");
  await page.getByLabel("Estimated deal value").fill("120 000");
  await page.getByLabel("Currency").fill("zar");
  await page.getByRole("button", { name: "Save deal value" }).click();
  await expect(page.getByTestId("timeline")).toContainText(/Deal value: R\s120\s000/);
  await page.getByLabel("Next step", { exact: true }).fill("Send the proposal");
  await page.getByLabel("Due on").fill(today);
  await page.getByRole("button", { name: "Save next step" }).click();
  await expect(page.getByTestId("timeline")).toContainText(`Next step: Send the proposal (by ${today})`);
  await expect(page.getByTestId("lead-plan")).toContainText("Send the proposal");

  // In progress: A, the older, shows first because its next step is due today.
  await page.goto(`${DESK}/desk?status=in_progress&q=${word}`);
  await expect(rows(page)).toHaveCount(2);
  await expect(rows(page).first()).toContainText(references[0]!);
  await expect(rows(page).first().getByTestId("due-badge")).toBeVisible();
  await expect(page.getByTestId("deal-totals")).toContainText("(1 with a value)");

  // Won: the sources page adds it to its page's won value.
  await page.goto(`${DESK}${deskLeadPath(references[0]!)}`);
  await page.getByLabel("Status", { exact: true }).selectOption({ label: "Won" });
  await page.getByRole("button", { name: "Change status" }).click();
  await expect(page.getByTestId("lead-status")).toContainText("Won");
  await page.goto(`${DESK}/desk/sources`);
  await expect(page.getByRole("columnheader", { name: "Won value" }).first()).toBeVisible();
  await expect(page.locator("table").first()).toContainText(/R\s120\s000/);
});

test("on a phone: the inbox is a list of cards, the lead page starts with its actions, the phone number calls", async ({
  page,
  request,
  baseURL,
}) => {
  const word = tag();
  const { references } = await threeLeads(request, baseURL!, word);
  await page.setViewportSize(PHONE);
  await signInByEmail(page, uniqueIp());
  await page.goto(`${DESK}/desk?status=new&q=${word}`);
  await expect(rows(page)).toHaveCount(3);
  // Nothing scrolls sideways, and each lead is a box of its own lines.
  expect(await tooWide(page)).toEqual([]);
  const first = await rows(page).first().boundingBox();
  expect(first!.width).toBeLessThanOrEqual(PHONE.width);
  expect(first!.height).toBeGreaterThan(150);
  await expect(rows(page).first()).toContainText("Budget:");
  await shot(page, "inbox-phone-390");

  await page.getByRole("link", { name: references[0]!, exact: true }).click();
  const actions = await page.getByRole("heading", { name: "Actions" }).boundingBox();
  const request_ = await page.getByRole("heading", { name: "Request", exact: true }).boundingBox();
  expect(actions!.y).toBeLessThan(request_!.y);
  await expect(page.getByRole("link", { name: "+27 21 555 0100" })).toHaveAttribute("href", "tel:+27215550100");
  expect(await tooWide(page)).toEqual([]);
  await shot(page, "lead-phone-390");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the filter form is a plain GET, the bulk form posts its ticks, and no shortcut control is offered", async ({
    page,
    request,
    baseURL,
  }) => {
    const word = tag();
    const { names, references } = await threeLeads(request, baseURL!, word);
    await signInByEmail(page, uniqueIp());
    await expect(page.getByTestId("shortcuts")).toHaveCount(0);
    await page.getByLabel("Search (reference, name, email, company, message)").fill(word);
    await page.getByLabel("Budget").selectOption({ label: "Over R500 000" });
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page).toHaveURL(new RegExp(`q=${word}.*budget=over-500k`));
    await expect(rows(page)).toHaveCount(2);
    // New is in due order, the oldest first: the newest lead comes last.
    await expect(rows(page).last()).toContainText(names[2]!);

    const bulk = page.getByRole("form", { name: "Bulk action" });
    // The view's address as the filter form sent it (its sort select included): the page after the post is this view.
    await expect(bulk).toHaveAttribute(
      "action",
      new RegExp(`^/desk\\?status=new&q=${word}&budget=over-500k&sort=due$`),
    );
    await page.getByLabel(`Tick ${references[1]}`).check();
    await page.getByLabel(`Tick ${references[2]}`).check();
    await page.getByLabel("With the ticked leads").selectOption("lost");
    await page.getByRole("button", { name: "Apply to ticked leads" }).click();
    await expect(page.getByText("2 leads moved to Lost.")).toBeVisible();
    const stored = withDb((db) =>
      db.prepare("SELECT status FROM QuoteRequest WHERE reference IN (?, ?, ?) ORDER BY reference").all(...references),
    );
    expect(stored.map((row) => (row as { status: string }).status).sort()).toEqual(["lost", "lost", "new"]);
  });
});
