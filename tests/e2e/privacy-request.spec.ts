// A privacy request in a real browser against `next start`: the public form, the link mailed to the address it
// names, the confirmation button, and the request on the desk's privacy requests page, where the owner mails the
// access export to that address. With and without JavaScript.
import { expectNoViolations } from "../helpers/axe";
import { expect, test } from "@playwright/test";
import { deskPaths, PRIVACY_PATH, PRIVACY_REQUEST_PATH } from "../../lib/routes";
import { DESK, mailFiles, seenMail, signInByEmail, withDb } from "../helpers/desk";
import { uniqueIp, uniqueName } from "../helpers/e2e-server";
import { pastMinimumFillTime } from "../helpers/pace";

/** Waits for a new mail to `email` that was not in `seen`, and returns its text (quoted-printable undone). */
async function newMailTo(email: string, seen: Set<string>): Promise<string> {
  let text = "";
  await expect
    .poll(
      () => {
        text = mailFiles().find((file) => !seen.has(file.name) && file.text.includes(`To: ${email}`))?.text ?? "";
        return text;
      },
      { timeout: 15_000 },
    )
    .not.toBe("");
  return text;
}

for (const javaScriptEnabled of [true, false]) {
  const js = javaScriptEnabled ? "on" : "off";
  test(`submit, confirm from the emailed link, answer from the desk (JavaScript ${js})`, async ({ browser, page }) => {
    test.setTimeout(60_000);
    const tag = uniqueName("Privacy").replace(/\W+/g, "").toLowerCase();
    const email = `${tag}@example.com`;
    const visitor = await browser.newContext({
      javaScriptEnabled,
      extraHTTPHeaders: { "X-Forwarded-For": uniqueIp() },
    });
    const form = await visitor.newPage();
    try {
      // The notice points to the form.
      await form.goto(PRIVACY_PATH);
      await form.getByRole("link", { name: "privacy request form" }).click();
      await expect(form).toHaveURL(new RegExp(`${PRIVACY_REQUEST_PATH}$`));
      const seen = seenMail();
      await form.getByLabel("Your email address").fill(email);
      await form.getByLabel(/Send me a copy/).check();
      await form.getByLabel("Anything we should know").fill("The request I sent in spring.");
      await pastMinimumFillTime();
      await form.getByRole("button", { name: "Send privacy request" }).click();
      await expect(form.getByTestId("privacy-sent")).toBeVisible();
      expect(withDb((db) => db.prepare("SELECT status FROM PrivacyRequest WHERE emailKey = ?").all(email))).toEqual([
        { status: "unconfirmed" },
      ]);

      const mail = await newMailTo(email, seen);
      const link = /(https?:\/\/\S+?\/privacy\/request\/confirm\?token=[\w-]+)/.exec(mail)?.[1];
      expect(link).toBeDefined();
      // Opening the link confirms nothing (a mail scanner may open it); the button does.
      await form.goto(link!);
      expect(withDb((db) => db.prepare("SELECT status FROM PrivacyRequest WHERE emailKey = ?").all(email))).toEqual([
        { status: "unconfirmed" },
      ]);
      await form.getByRole("button", { name: "Confirm my request" }).click();
      await expect(form.getByRole("heading", { name: "Your request has reached us" })).toBeVisible();
      // The link works once.
      await form.goto(link!);
      await form.getByRole("button", { name: "Confirm my request" }).click();
      await expect(form.getByRole("heading", { name: "This link no longer works" })).toBeVisible();
    } finally {
      await visitor.close();
    }

    await signInByEmail(page, uniqueIp());
    await page.goto(`${DESK}${deskPaths.erase}`);
    const item = page.getByTestId("privacy-request").filter({ hasText: email });
    await expect(item).toContainText("Access");
    await expect(item).toContainText("The request I sent in spring.");
    const seen = seenMail();
    await item.getByRole("button", { name: "Email the access export to this address" }).click();
    await expect(item.getByTestId("action-message").first()).toContainText("emailed to the confirmed address");
    const exported = await newMailTo(email, seen);
    expect(exported).toContain(`"email": "${email}"`);
    await item.getByRole("button", { name: "Mark as answered" }).click();
    await expect(page.getByTestId("privacy-request").filter({ hasText: email })).toContainText("answered");

    if (!javaScriptEnabled) return;
    // The desk's privacy requests page with requests on it: axe at a desktop and a phone width, in both schemes.
    for (const colorScheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme });
      for (const viewport of [
        { width: 1280, height: 900 },
        { width: 390, height: 844 },
      ]) {
        await page.setViewportSize(viewport);
        await page.goto(`${DESK}${deskPaths.erase}`);
        await expect(page.getByTestId("privacy-request").first()).toBeVisible();
        await expectNoViolations(page, `${deskPaths.erase} at ${viewport.width} px (${colorScheme})`);
      }
    }
  });
}
