import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { emlSearchText } from "../../lib/leads/erase";
import { e2eEnv } from "../../playwright.config";
import { HONEYPOT_FIELD } from "../../lib/quotes/fields";
import { postForm, renderedForm } from "./form-post";
import { pastMinimumFillTime } from "./pace";

/** The desk's origin in the e2e run (localhost: passkeys refuse an IP address). */
export const DESK = e2eEnv.DESK_URL;
export const OWNER = e2eEnv.QUOTE_TO;

/** Runs `fn` on the e2e server's SQLite database (read-write: tests use it to inspect and to age rows). */
export function withDb<T>(fn: (db: Database.Database) => T): T {
  const db = new Database(e2eEnv.DATABASE_URL.replace(/^file:/, ""), { fileMustExist: true });
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

const VALID: Record<string, string> = {
  company: "Example Ltd",
  phone: "+27 21 555 0100",
  interest: "service:automation",
  budget: "not-sure",
  timeline: "exploring",
  description: "A perfectly ordinary project description for the desk tests.",
  consent: "yes",
};

/**
 * Sends a quote request through the real form action (as a browser without JS); returns its stored reference.
 * Without `email`, the address is made from the name ("Triage 1a2b" -> Triage.1a2b@example.com); `fields`
 * replaces the form's other answers (interest, budget, description...).
 */
export async function submitLead(
  request: APIRequestContext,
  baseURL: string,
  opts: { name: string; email?: string; ip: string; spam?: boolean; fields?: Record<string, string> },
): Promise<string> {
  const email = opts.email ?? `${opts.name.replace(/\W+/g, ".")}@example.com`;
  const hidden = await renderedForm(request, opts.ip);
  await pastMinimumFillTime();
  const fields: [string, string][] = [
    ...Object.entries({ ...VALID, ...opts.fields, name: opts.name, email }),
    ...(opts.spam ? ([[HONEYPOT_FIELD, "https://spam.example"]] as [string, string][]) : []),
  ];
  const response = await postForm(request, { ip: opts.ip, origin: new URL(baseURL).origin, hidden, fields });
  expect(response.status()).toBe(200);
  const row = withDb(
    (db) =>
      db.prepare("SELECT reference, status FROM QuoteRequest WHERE name = ? ORDER BY id DESC").get(opts.name) as
        { reference: string; status: string } | undefined,
  );
  expect(row?.status).toBe(opts.spam ? "spam" : "new");
  return row!.reference;
}

/** The .eml files in the e2e mail folder, oldest first (file names start with the time). */
export function mailFiles(): { name: string; text: string }[] {
  const dir = e2eEnv.MAIL_DIR;
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith(".eml"))
    .sort()
    .map((name) => ({ name, text: emlSearchText(fs.readFileSync(path.join(dir, name), "utf8")) }));
}

/** Waits for a sign-in link email that was not there before (`seen`), and returns its link. */
export async function newSignInLink(seen: Set<string>): Promise<string> {
  let link = "";
  await expect
    .poll(
      () => {
        const fresh = mailFiles().filter((file) => !seen.has(file.name) && file.text.includes("magic-link/verify"));
        link = /(https?:\/\/\S+?\/api\/auth\/magic-link\/verify\?\S+)/.exec(fresh.at(-1)?.text ?? "")?.[1] ?? "";
        return link;
      },
      { timeout: 15_000 },
    )
    .not.toBe("");
  return link;
}

export const seenMail = () => new Set(mailFiles().map((file) => file.name));

/** Signs in through the sign-in page and the emailed link; each test passes its own client address. */
export async function signInByEmail(page: Page, ip: string) {
  await page.context().setExtraHTTPHeaders({ "X-Forwarded-For": ip });
  await page.goto(`${DESK}/desk`);
  await expect(page).toHaveURL(`${DESK}/desk/sign-in`);
  const seen = seenMail();
  await page.getByLabel("Email address").fill(OWNER);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByTestId("action-message")).toContainText("a sign-in link is on its way");
  await page.goto(await newSignInLink(seen));
  await expect(page).toHaveURL(/\/desk(\?.*)?$/);
  await expect(page.getByRole("heading", { level: 1, name: "Inbox" })).toBeVisible();
}

/** A one-time link from `npm run desk:link`, run against the e2e server's database and settings. */
export function deskLinkFromCli(): string {
  const output = execFileSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "lib/cli/desk-link.ts"], {
    env: { ...process.env, ...e2eEnv } as NodeJS.ProcessEnv,
    encoding: "utf8",
  });
  const link = /(https?:\/\/\S+magic-link\/verify\?\S+)/.exec(output)?.[1];
  if (!link) throw new Error(`desk:link printed no link:\n${output}`);
  return link;
}

/** A platform authenticator in the page's browser (Chrome's WebAuthn domain), which makes and uses passkeys. */
export async function addVirtualAuthenticator(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: {
      protocol: "ctap2",
      transport: "internal",
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
    },
  });
}
