// Replying from the desk in a real browser against `next start` of this build on its own port, mailing through a
// real SMTP server (the prospect's and the owner's mailboxes): the owner picks a template, sends, and the prospect
// receives the reply threaded under the confirmation they already hold (In-Reply-To = its Message-ID); the
// owner's copy arrives; the lead is In progress and its timeline shows the reply. A placeholder the lead has no
// value for is refused next to the field; axe finds nothing at 1280 and 390 px; without JavaScript the template
// choice and the send work as plain form posts. Serial: one owner, one session.
import { expectNoViolations } from "../helpers/axe";
import { expect, test, type Browser, type BrowserContext } from "@playwright/test";
import { deskLeadPath } from "../../lib/routes";
import { uniqueIp, uniqueName } from "../helpers/e2e-server";
import { sampleValues, startQuoteServer, submitThroughServer, type QuoteServer } from "../helpers/quote-server";
import { parseMail, partOf, startSmtpServer, type TestSmtpServer } from "../helpers/smtp-server";

test.describe.configure({ mode: "serial" });

const OWNER = "owner@fsdev.test";

let smtp: TestSmtpServer;
let server: QuoteServer;
let desk: string;
let signedIn: Awaited<ReturnType<BrowserContext["storageState"]>>;

/** The mail the SMTP server accepted, parsed, that satisfies `match`. */
function mailboxOf(match: (mail: ReturnType<typeof parsed>) => boolean) {
  return smtp.received.map(parsed).filter(match);
}
function parsed(mail: TestSmtpServer["received"][number]) {
  const message = parseMail(mail.raw);
  return { to: mail.to, headers: message.headers, text: partOf(message, "text/plain") };
}

/** Waits until exactly `count` messages match, and returns them. */
async function waitForMail(match: (mail: ReturnType<typeof parsed>) => boolean, count: number, what: string) {
  await expect.poll(() => mailboxOf(match).length, { message: what, timeout: 15_000 }).toBe(count);
  return mailboxOf(match);
}

async function signIn(browser: Browser) {
  const context = await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": uniqueIp() } });
  const page = await context.newPage();
  await page.goto(`${desk}/desk/sign-in`);
  await page.getByLabel("Email address").fill(OWNER);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  const [mail] = await waitForMail((mail) => mail.text.includes("magic-link/verify"), 1, "the sign-in link");
  await page.goto(/(https?:\/\/\S+?\/api\/auth\/magic-link\/verify\?\S+)/.exec(mail!.text)![1]!);
  await expect(page.getByRole("heading", { level: 1, name: "Inbox" })).toBeVisible();
  signedIn = await context.storageState();
  await context.close();
}

/** A lead sent through the real form; resolves once its notice and confirmation have arrived. */
async function newLead(label: string) {
  const name = uniqueName(label);
  const values = sampleValues(name);
  const sent = await submitThroughServer(server.url, uniqueIp(), values);
  expect(sent.status).toBe(200);
  const reference = sent.reference!;
  const [notice, confirmation] = await waitForMail(
    (mail) => mail.headers.subject?.includes(reference) ?? false,
    2,
    `the notice and confirmation of ${reference}`,
  ).then((mails) => [mails.find((mail) => mail.to.includes(OWNER))!, mails.find((mail) => !mail.to.includes(OWNER))!]);
  return { name, email: values.email!, reference, notice: notice!, confirmation: confirmation! };
}

test.beforeAll(async ({ browser }) => {
  test.setTimeout(120_000);
  smtp = await startSmtpServer();
  // Beside the run's own server (E2E_PORT) and the fixture site's (E2E_FIXTURE_PORT, by convention E2E_PORT + 1).
  const port = Number(process.env.E2E_PORT ?? 3917) + 2;
  desk = `http://localhost:${port}`;
  server = await startQuoteServer({ port, env: { SMTP_URL: smtp.url, DESK_URL: desk, SIGN_IN_LINK_MAX: "100" } });
  await signIn(browser);
});

test.afterAll(async () => {
  await server?.stop();
  await smtp?.stop();
});

test("a reply from a template: threaded under the confirmation, the owner's copy arrives, lead In progress", async ({
  browser,
}) => {
  const lead = await newLead("Reply");
  const context = await browser.newContext({ storageState: signedIn });
  const page = await context.newPage();
  await page.goto(`${desk}${deskLeadPath(lead.reference)}`);
  const reply = page.getByRole("form", { name: "Reply", exact: true });
  await expect(page.getByLabel("Subject", { exact: true })).toHaveValue(
    `Re: We received your quote request (${lead.reference})`,
  );

  await page.getByLabel("Template", { exact: true }).selectOption({ label: "Ask a few questions first" });
  await page.getByRole("button", { name: "Use template" }).click();
  const body = page.getByLabel("Message", { exact: true });
  await expect(body).toHaveValue(
    new RegExp(`^Hello ${lead.name},\\n\\nThanks for your request \\(${lead.reference}\\)`),
  );
  await reply.getByRole("button", { name: "Send reply" }).click();
  await expect(reply.getByTestId("action-message")).toHaveText(
    "Reply queued: it is being sent now, with a copy to you.",
  );

  const [toProspect] = await waitForMail(
    (mail) => mail.to.includes(lead.email) && mail.headers.subject?.startsWith("Re: ") === true,
    1,
    "the reply in the prospect's mailbox",
  );
  expect(toProspect!.headers["in-reply-to"]).toBe(lead.confirmation.headers["message-id"]);
  expect(toProspect!.headers.references).toBe(lead.confirmation.headers["message-id"]);
  expect(toProspect!.headers["reply-to"]).toBe(OWNER);
  expect(toProspect!.to).toEqual([lead.email]);
  expect(toProspect!.text).toContain(`Hello ${lead.name},`);
  expect(toProspect!.text).toContain("Francois Schoeman");
  expect(toProspect!.text).not.toMatch(/\{\w+\}/);

  const [copy] = await waitForMail(
    (mail) =>
      mail.to.includes(OWNER) &&
      mail.headers.subject?.startsWith("Re: ") === true &&
      mail.text.includes(lead.reference),
    1,
    "the owner's copy",
  );
  expect(copy!.headers["in-reply-to"]).toBe(lead.notice.headers["message-id"]);
  expect(copy!.text).toContain(`Hello ${lead.name},`);

  await page.reload();
  await expect(page.getByTestId("lead-status")).toContainText("In progress");
  const timeline = page.getByTestId("timeline");
  await expect(timeline).toContainText(`${OWNER}`);
  await expect(timeline).toContainText(`Reply: Re: We received your quote request (${lead.reference})`);
  await expect(timeline).toContainText("Status: New → In progress");
  await expect(page.getByTestId("timeline-reply")).toContainText(`To ${lead.email}: Sent`);
  await expect(page.getByTestId("timeline-reply")).toContainText("Which systems, platforms or data");
  await context.close();
});

for (const viewport of [
  { width: 1280, height: 900 },
  { width: 390, height: 844 },
]) {
  test(`a placeholder the lead has no value for is refused by name; axe finds nothing at ${viewport.width} px`, async ({
    browser,
  }) => {
    // Three axe runs on a full desk page: about 8 s each on a busy two-core machine.
    test.setTimeout(90_000);
    const lead = await newLead("Reply Axe");
    const context = await browser.newContext({ storageState: signedIn, viewport });
    const page = await context.newPage();
    await page.goto(`${desk}${deskLeadPath(lead.reference)}`);
    await expectNoViolations(page, "lead page with the Reply form");

    const reply = page.getByRole("form", { name: "Reply", exact: true });
    const body = page.getByLabel("Message", { exact: true });
    const sentBefore = smtp.received.length;
    await body.fill("Hello {name}, how are things at {company}?");
    await reply.getByRole("button", { name: "Send reply" }).click();
    const error = "{company} has no value here (this lead gave no company): replace it with your own words.";
    await expect(reply.getByText(error)).toBeVisible();
    await expect(body).toHaveAttribute("aria-invalid", "true");
    await expect(body).toHaveAccessibleDescription(new RegExp(error.replace(/[(){}]/g, "\\$&")));
    await expect(body).toHaveValue("Hello {name}, how are things at {company}?");
    await expectNoViolations(page, "lead page with a refused reply");

    await body.fill("Thanks, {name}: I will call you tomorrow.");
    await reply.getByRole("button", { name: "Send reply" }).click();
    await expect(reply.getByTestId("action-message")).toContainText("Reply queued");
    await page.reload();
    await expect(page.getByTestId("timeline-reply")).toContainText("I will call you tomorrow.");
    await expectNoViolations(page, "lead page with a reply on its timeline");
    // Only the one accepted reply and its copy went out for this lead.
    await waitForMail(
      (mail) => mail.text.includes(`Thanks, ${lead.name}: I will call you tomorrow.`),
      2,
      "the reply and its copy",
    );
    expect(smtp.received.slice(sentBefore).filter((mail) => mail.raw.includes("{company}"))).toEqual([]);
    await context.close();
  });
}

test("without JavaScript: Use template reloads the page with it, and Send reply posts to the page", async ({
  browser,
}) => {
  const lead = await newLead("Reply NoJS");
  const context = await browser.newContext({ storageState: signedIn, javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${desk}${deskLeadPath(lead.reference)}`);
  await page.getByLabel("Template", { exact: true }).selectOption({ label: "Book a short call" });
  await page.getByRole("button", { name: "Use template" }).click();
  await expect(page).toHaveURL(`${desk}${deskLeadPath(lead.reference)}?template=book-a-call#reply`);
  await expect(page.getByLabel("Message", { exact: true })).toHaveValue(new RegExp(`^Hello ${lead.name},`));
  await page.getByRole("form", { name: "Reply", exact: true }).getByRole("button", { name: "Send reply" }).click();
  await expect(page.getByRole("form", { name: "Reply", exact: true }).getByTestId("action-message")).toHaveText(
    "Reply queued: it is being sent now, with a copy to you.",
  );
  const [toProspect] = await waitForMail(
    (mail) => mail.to.includes(lead.email) && mail.headers.subject?.startsWith("Re: ") === true,
    1,
    "the reply sent without JavaScript",
  );
  expect(toProspect!.text).toContain("Could we talk for 20 to 30 minutes this week?");
  await context.close();
});

test("a reply the mail server refuses shows on the timeline with the error, and stays queued for its retries", async ({
  browser,
}) => {
  const lead = await newLead("Reply Refused");
  const context = await browser.newContext({ storageState: signedIn });
  const page = await context.newPage();
  await page.goto(`${desk}${deskLeadPath(lead.reference)}`);
  smtp.failWith({ code: 451, message: "mailbox busy, try later" });
  try {
    await page.getByLabel("Message", { exact: true }).fill("This one meets a busy mail server.");
    const reply = page.getByRole("form", { name: "Reply", exact: true });
    await reply.getByRole("button", { name: "Send reply" }).click();
    await expect(reply.getByTestId("action-message")).toContainText("Reply queued");
    // The after-response send has been refused once: the row waits for its next try with the error.
    await expect
      .poll(
        async () => {
          await page.reload();
          return page.getByTestId("timeline-reply").textContent();
        },
        { timeout: 15_000 },
      )
      .toContain("mailbox busy, try later");
    await expect(page.getByTestId("timeline-reply")).toContainText("Pending, next try");
    await expect(page.getByTestId("timeline-reply")).toContainText("This one meets a busy mail server.");
    await expect(page.getByTestId("lead-status")).toContainText("Mail: Pending");
  } finally {
    smtp.failWith(null);
  }
  await context.close();
});
