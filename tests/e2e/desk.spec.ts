// The owner's desk in a real browser against `next start`: sign in by emailed link, triage, release spam,
// export, erase, passkeys, sign out, and axe on the desk's pages. Serial: one owner, one session.
import { expectNoViolations } from "../helpers/axe";
import { parse } from "csv-parse/sync";
import { deskLeadPath } from "../../lib/routes";
import { expect, test } from "@playwright/test";
import {
  addVirtualAuthenticator,
  DESK,
  OWNER,
  mailFiles,
  newSignInLink,
  seenMail,
  signInByEmail,
  submitLead,
  withDb,
} from "../helpers/desk";
import { uniqueIp, uniqueName } from "../helpers/e2e-server";

test.describe.configure({ mode: "serial" });

test("a link request answers the same for a stranger and sends them nothing", async ({ page }) => {
  await page.context().setExtraHTTPHeaders({ "X-Forwarded-For": uniqueIp() });
  await page.goto(`${DESK}/desk/sign-in`);
  const seen = seenMail();
  await page.getByLabel("Email address").fill("stranger@example.com");
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByTestId("action-message")).toHaveText(
    "If that is the desk owner's address, a sign-in link is on its way. It works once, within 10 minutes.",
  );
  // A link is queued and mailed after the answer (Next's after()); so the same request for the owner follows,
  // and once its link has arrived, the work that came after the stranger's answer has had its turn too.
  await page.getByLabel("Email address").fill(OWNER);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await newSignInLink(seen);
  // One link arrived, the owner's (a link sent for the stranger would also go to the owner's address).
  const links = mailFiles().filter((file) => !seen.has(file.name) && file.text.includes("magic-link/verify"));
  expect(links.map((file) => /^To: .*$/m.exec(file.text)?.[0])).toEqual([`To: ${OWNER}`]);
  expect(
    withDb((db) =>
      db.prepare("SELECT count(*) AS n FROM OutboxMessage WHERE recipient = ?").get("stranger@example.com"),
    ),
  ).toEqual({ n: 0 });
});

test("sign in by emailed link: the link works once and its stored copy is blanked", async ({ page }) => {
  await signInByEmail(page, uniqueIp());
  const rows = withDb((db) =>
    db.prepare("SELECT status, textBody, htmlBody FROM OutboxMessage WHERE kind = 'sign_in_link'").all(),
  ) as { status: string; textBody: string; htmlBody: string }[];
  expect(rows.length).toBeGreaterThan(0);
  for (const row of rows.filter((r) => r.status === "sent"))
    expect(row).toEqual({ status: "sent", textBody: "", htmlBody: "" });
  const cookies = await page.context().cookies(DESK);
  const session = cookies.find((cookie) => cookie.name === "better-auth.session_token");
  expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax" });
});

test("a lead's link opened while signed out opens that lead after sign-in by email link", async ({
  page,
  request,
  baseURL,
}) => {
  const name = uniqueName("Return");
  const reference = await submitLead(request, baseURL!, { name, ip: uniqueIp() });
  await page.context().setExtraHTTPHeaders({ "X-Forwarded-For": uniqueIp() });
  await page.goto(`${DESK}${deskLeadPath(reference)}`);
  await expect(page).toHaveURL(`${DESK}/desk/sign-in?next=${encodeURIComponent(deskLeadPath(reference))}`);
  const seen = seenMail();
  await page.getByLabel("Email address").fill(OWNER);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  const link = await newSignInLink(seen);
  expect(new URL(link).searchParams.get("callbackURL")).toBe(deskLeadPath(reference));
  await page.goto(link);
  await expect(page).toHaveURL(`${DESK}${deskLeadPath(reference)}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(reference);

  // Signed in, a sign-in link naming another site, however written, ends in the inbox.
  for (const next of [
    "//evil.example",
    "https://evil.example/",
    "/\\evil.example",
    "/%2F%2Fevil.example",
    "/%5Cevil",
  ]) {
    await page.goto(`${DESK}/desk/sign-in?${new URLSearchParams({ next })}`);
    await expect(page, next).toHaveURL(`${DESK}/desk`);
  }
  // A posted form that names another site gets a link back to the inbox only.
  await page.context().clearCookies();
  await page.goto(`${DESK}/desk/sign-in?${new URLSearchParams({ next: "//evil.example" })}`);
  await expect(page.locator("input[name=next]")).toHaveCount(0);
  await page.goto(`${DESK}/desk/sign-in?${new URLSearchParams({ next: deskLeadPath(reference) })}`);
  await page.locator("input[name=next]").evaluate((input: HTMLInputElement) => (input.value = "//evil.example"));
  const again = seenMail();
  await page.getByLabel("Email address").fill(OWNER);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  expect(new URL(await newSignInLink(again)).searchParams.get("callbackURL")).toBe("/desk");
});

test("triage: find a new lead, move it to In progress, add a note, see the timeline", async ({
  page,
  request,
  baseURL,
}) => {
  const name = uniqueName("Triage");
  const reference = await submitLead(request, baseURL!, { name, ip: uniqueIp() });
  await signInByEmail(page, uniqueIp());
  await page.getByLabel("Search (reference, name, email, company, message)").fill(name.toUpperCase());
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByRole("row")).toHaveCount(2);
  await page.getByRole("link", { name: reference }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(name);

  await page.getByLabel("Status", { exact: true }).selectOption({ label: "In progress" });
  await page.getByRole("button", { name: "Change status" }).click();
  await expect(page.getByTestId("lead-status")).toContainText("In progress");
  await page.getByLabel("Note", { exact: true }).fill("Called; proposal on Friday.");
  await page.getByRole("button", { name: "Add note" }).click();
  await expect(page.getByTestId("timeline")).toContainText("Status: New → In progress");
  await expect(page.getByTestId("timeline")).toContainText("Called; proposal on Friday.");
  await expect(page.getByLabel("Note", { exact: true })).toHaveValue("");

  // An empty note is refused next to the field, and nothing is written.
  await page.getByRole("button", { name: "Add note" }).click();
  await expect(page.getByText("Write a note.")).toBeVisible();
  const events = withDb((db) =>
    db
      .prepare(
        "SELECT actor, action FROM LeadEvent" +
          " WHERE quoteRequestId = (SELECT id FROM QuoteRequest WHERE reference = ?) ORDER BY id",
      )
      .all(reference),
  );
  expect(events).toEqual([
    { actor: OWNER, action: "status" },
    { actor: OWNER, action: "note" },
  ]);
  await page.goto(`${DESK}/desk?status=in_progress`);
  await expect(page.getByRole("link", { name: reference })).toBeVisible();
});

test("after Change status the control shows the new status, so pressing it again keeps the lead there", async ({
  page,
  request,
  baseURL,
}) => {
  const name = uniqueName("Status Control");
  const reference = await submitLead(request, baseURL!, { name, ip: uniqueIp() });
  await signInByEmail(page, uniqueIp());
  await page.goto(`${DESK}${deskLeadPath(reference)}`);
  const control = page.getByLabel("Status", { exact: true });
  await control.selectOption({ label: "In progress" });
  await page.getByRole("button", { name: "Change status" }).click();
  await expect(page.getByTestId("lead-status")).toContainText("In progress");
  await expect(control).toHaveValue("in_progress");
  await page.getByRole("button", { name: "Change status" }).click();
  await expect(page.getByRole("form", { name: "Change status" }).getByTestId("action-message")).toContainText(
    "Already In progress.",
  );
  const row = () =>
    withDb((db) => db.prepare("SELECT status FROM QuoteRequest WHERE reference = ?").get(reference)) as {
      status: string;
    };
  expect(row().status).toBe("in_progress");
  await expect(page.getByTestId("lead-status")).toContainText("In progress");
});

test("release a spam lead: its two emails are delivered exactly once", async ({ page, request, baseURL }) => {
  const name = uniqueName("Caught");
  const email = `${name.replace(/\W+/g, ".").toLowerCase()}@example.com`;
  const reference = await submitLead(request, baseURL!, { name, email, ip: uniqueIp(), spam: true });
  expect(mailFiles().filter((file) => file.text.includes(reference))).toEqual([]);
  await signInByEmail(page, uniqueIp());
  await page.goto(`${DESK}/desk?status=spam`);
  await page.getByRole("link", { name: reference }).click();
  await expect(page.getByText("Held back: spam is never mailed.")).toBeVisible();
  await page.getByRole("button", { name: "Not spam: move to New and send its mail" }).click();
  await expect(page.getByTestId("lead-status")).toContainText("New");
  await expect
    .poll(() => mailFiles().filter((file) => file.text.includes(reference)).length, { timeout: 15_000 })
    .toBe(2);

  // Spam again and back: nothing is queued or sent a second time.
  await page.getByRole("button", { name: "Mark as spam" }).click();
  await expect(page.getByTestId("lead-status")).toContainText("Spam");
  await page.getByRole("button", { name: "Not spam: move to New and send its mail" }).click();
  await expect(page.getByTestId("lead-status")).toContainText("New");
  // Whatever the second release queued is in the outbox by its answer: wait until all of it is sent.
  const outbox = () =>
    withDb(
      (db) =>
        db
          .prepare(
            "SELECT o.status FROM OutboxMessage o JOIN QuoteRequest q ON q.id = o.quoteRequestId WHERE q.reference = ?",
          )
          .all(reference) as { status: string }[],
    ).map((row) => row.status);
  await expect.poll(() => outbox().filter((status) => status !== "sent"), { timeout: 15_000 }).toEqual([]);
  expect(outbox()).toEqual(["sent", "sent"]);
  const mails = mailFiles().filter((file) => file.text.includes(reference));
  expect(mails).toHaveLength(2);
  expect(mails.some((file) => /^To: owner@fsdev\.test$/m.test(file.text))).toBe(true);
  expect(mails.some((file) => new RegExp(`^To: ${email.replace(/\./g, "\\.")}$`, "m").test(file.text))).toBe(true);
  await page.reload();
  await expect(page.getByTestId("mail-owner_notice")).toContainText("Sent");
});

test("export the current filter as CSV: a name starting with = arrives neutralised", async ({
  page,
  request,
  baseURL,
}) => {
  const tag = uniqueName("Csv").replace(/\W+/g, "");
  // No scheme in the link: a name holding a URL is flagged as spam before it ever reaches the desk.
  const name = `=HYPERLINK("x.example","${tag}")`;
  await submitLead(request, baseURL!, { name, email: `${tag.toLowerCase()}@example.com`, ip: uniqueIp() });
  await signInByEmail(page, uniqueIp());
  await page.getByLabel("Search (reference, name, email, company, message)").fill(tag);
  await page.getByRole("button", { name: "Search" }).click();
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: /Export CSV/ }).click();
  const file = await (await download).path();
  const bytes = (await import("node:fs")).readFileSync(file);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const rows = parse(bytes, { bom: true, columns: true }) as Record<string, string>[];
  expect(rows.map((row) => row.name)).toEqual([`'${name}`]);
  expect(rows[0]?.status).toBe("New");
});

test("erase a person: nothing of them is left in the database or the mail folder", async ({
  page,
  request,
  baseURL,
}) => {
  const tag = uniqueName("Erase").replace(/\W+/g, "").toLowerCase();
  const email = `${tag}@example.com`;
  const first = await submitLead(request, baseURL!, { name: `Erin ${tag}`, email, ip: uniqueIp() });
  await submitLead(request, baseURL!, { name: `Erin Again ${tag}`, email: email.toUpperCase(), ip: uniqueIp() });
  await expect
    .poll(() => mailFiles().filter((file) => file.text.toLowerCase().includes(email)).length, { timeout: 15_000 })
    .toBe(4);

  await signInByEmail(page, uniqueIp());
  await page.goto(`${DESK}/desk/leads/${first}`);
  await page.getByRole("link", { name: "Erase this person…" }).click();
  await expect(page.getByLabel("Email address")).toHaveValue(email);
  await page.getByLabel("I understand that this cannot be undone.").check();
  await page.getByRole("button", { name: "Erase everything of this person" }).click();
  await expect(page.getByRole("form", { name: "Erase a person" }).getByTestId("action-message")).toContainText(
    "Erased: 2 requests, 4 emails, 4 mail files",
  );

  const left = withDb((db) => ({
    requests: db.prepare("SELECT count(*) AS n FROM QuoteRequest WHERE lower(email) = ?").get(email),
    outbox: db
      .prepare(
        "SELECT count(*) AS n FROM OutboxMessage WHERE lower(recipient) = ? OR lower(replyTo) = ? OR textBody LIKE ?",
      )
      .get(email, email, `%${tag}%`),
    events: db.prepare("SELECT count(*) AS n FROM LeadEvent WHERE detail LIKE ?").get(`%${tag}%`),
    log: db.prepare("SELECT requests, messages, files FROM ErasureLog ORDER BY id DESC LIMIT 1").get(),
  }));
  expect(left).toEqual({
    requests: { n: 0 },
    outbox: { n: 0 },
    events: { n: 0 },
    log: { requests: 2, messages: 4, files: 4 },
  });
  expect(mailFiles().filter((file) => file.text.toLowerCase().includes(tag))).toEqual([]);
});

test("add a passkey, sign out, and sign in with the passkey, back on the lead that was opened", async ({
  page,
  request,
  baseURL,
}) => {
  const reference = await submitLead(request, baseURL!, { name: uniqueName("Passkey return"), ip: uniqueIp() });
  await addVirtualAuthenticator(page);
  await signInByEmail(page, uniqueIp());
  await page.getByRole("link", { name: "Passkeys" }).click();
  await page.getByRole("button", { name: "Add a passkey" }).click();
  await expect(page.getByTestId("passkey-list")).toContainText("Desk passkey");

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(`${DESK}/desk/sign-in?signed-out=1`);
  await page.goto(`${DESK}/desk`);
  await expect(page).toHaveURL(`${DESK}/desk/sign-in`);

  await page.getByRole("button", { name: "Sign in with a passkey" }).click();
  await expect(page).toHaveURL(`${DESK}/desk`);
  await expect(page.getByRole("heading", { level: 1, name: "Inbox" })).toBeVisible();

  // Signed out again, a lead's link leads through the passkey sign-in to that lead.
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(`${DESK}/desk/sign-in?signed-out=1`);
  await page.goto(`${DESK}${deskLeadPath(reference)}`);
  await expect(page).toHaveURL(/\/desk\/sign-in\?next=/);
  await page.getByRole("button", { name: "Sign in with a passkey" }).click();
  await expect(page).toHaveURL(`${DESK}${deskLeadPath(reference)}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(reference);
});

test("rename a passkey, and remove the last one only with the box ticked", async ({ page }) => {
  await addVirtualAuthenticator(page);
  await signInByEmail(page, uniqueIp());
  await page.goto(`${DESK}/desk/account`);
  // Passkeys left by an earlier test go first, so the one added here is the last.
  for (let left = await page.getByRole("button", { name: "Remove" }).count(); left > 0; left--) {
    const box = page.getByLabel("It is my last passkey: sign in by emailed link from now on");
    if (await box.count()) await box.check();
    await page.getByRole("button", { name: "Remove" }).first().click();
    await expect(page.getByRole("button", { name: "Remove" })).toHaveCount(left - 1);
  }
  await page.getByRole("button", { name: "Add a passkey" }).click();
  await expect(page.getByTestId("passkey-list")).toContainText("Desk passkey");
  await page.getByLabel("New name for Desk passkey").fill("Work laptop");
  await page.getByRole("button", { name: "Rename" }).click();
  await expect(page.getByTestId("passkey-list").locator("strong")).toHaveText("Work laptop");
  expect(withDb((db) => db.prepare("SELECT name FROM passkey").all())).toEqual([{ name: "Work laptop" }]);

  await page.getByRole("button", { name: "Remove" }).click();
  await expect(page.getByText("This is your last passkey: tick the box to remove it anyway.")).toBeVisible();
  expect(withDb((db) => db.prepare("SELECT count(*) AS n FROM passkey").get())).toEqual({ n: 1 });
  await page.getByLabel("It is my last passkey: sign in by emailed link from now on").check();
  await page.getByRole("button", { name: "Remove" }).click();
  await expect(page.getByText("None yet.")).toBeVisible();
  expect(withDb((db) => db.prepare("SELECT count(*) AS n FROM passkey").get())).toEqual({ n: 0 });
});

test("sign out ends the session on the server", async ({ page }) => {
  await signInByEmail(page, uniqueIp());
  const token = (await page.context().cookies(DESK)).find(
    (cookie) => cookie.name === "better-auth.session_token",
  )!.value;
  const sessionToken = decodeURIComponent(token).split(".")[0];
  expect(withDb((db) => db.prepare("SELECT count(*) AS n FROM session WHERE token = ?").get(sessionToken))).toEqual({
    n: 1,
  });
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/desk\/sign-in/);
  expect(withDb((db) => db.prepare("SELECT count(*) AS n FROM session WHERE token = ?").get(sessionToken))).toEqual({
    n: 0,
  });
  // The old cookie, replayed, opens nothing.
  await page
    .context()
    .addCookies([{ name: "better-auth.session_token", value: token, url: DESK, httpOnly: true, sameSite: "Lax" }]);
  await page.goto(`${DESK}/desk`);
  await expect(page).toHaveURL(`${DESK}/desk/sign-in`);
});

for (const viewport of [
  { width: 1280, height: 900 },
  { width: 390, height: 844 },
]) {
  test(`axe: sign-in, inbox and lead pages have no violations at ${viewport.width} px`, async ({
    page,
    request,
    baseURL,
  }) => {
    await page.setViewportSize(viewport);
    const name = uniqueName("Axe");
    const reference = await submitLead(request, baseURL!, { name, ip: uniqueIp() });
    await page.context().setExtraHTTPHeaders({ "X-Forwarded-For": uniqueIp() });
    await page.goto(`${DESK}/desk/sign-in`);
    await expectNoViolations(page, "sign-in");
    await signInByEmail(page, uniqueIp());
    await expectNoViolations(page, "inbox");
    await page.goto(`${DESK}/desk/leads/${reference}`);
    await page.getByRole("button", { name: "Add note" }).click();
    await expect(page.getByText("Write a note.")).toBeVisible();
    // The error is tied to its control (components/field-wiring.ts), as on the quote form.
    const note = page.getByLabel("Note", { exact: true });
    await expect(note).toHaveAttribute("aria-invalid", "true");
    await expect(note).toHaveAccessibleDescription("Write a note.");
    await expectNoViolations(page, "lead (with an error)");
    for (const path of ["/desk/sources", "/desk/erase", "/desk/account"]) {
      await page.goto(`${DESK}${path}`);
      await expectNoViolations(page, path);
    }
  });
}

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the desk's forms post to their own pages: sign in by email, add a note, sign out", async ({
    page,
    request,
    baseURL,
  }) => {
    const name = uniqueName("Desk NoJS");
    const reference = await submitLead(request, baseURL!, { name, ip: uniqueIp() });
    // The sign-in form's action is the sign-in page: the answer is that page with the form's message.
    await signInByEmail(page, uniqueIp());
    await page.goto(`${DESK}/desk/leads/${reference}`);
    const noteForm = page.getByRole("form", { name: "Add a note" });
    await expect(noteForm).toHaveAttribute("action", `/desk/leads/${reference}`);
    await page.getByLabel("Note", { exact: true }).fill("Written without JavaScript.");
    await page.getByRole("button", { name: "Add note" }).click();
    await expect(page).toHaveURL(`${DESK}/desk/leads/${reference}`);
    await expect(page.getByTestId("timeline")).toContainText("Written without JavaScript.");
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(`${DESK}/desk/sign-in?signed-out=1`);
  });
});
