import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { expect, type Page } from "@playwright/test";
import { e2eEnv } from "../../playwright.config";
import { pastMinimumFillTime } from "./pace";

export type StoredRequest = {
  id: number;
  reference: string;
  name: string;
  email: string;
  company: string | null;
  status: string;
  description: string;
  interest: string;
  referrerPath: string | null;
  utmSource: string | null;
  utmMedium: string | null;
  utmCampaign: string | null;
  spamScore: number;
};

/** Reads the e2e server's real SQLite database. */
export function storedRequests(where = "1=1", ...params: unknown[]): StoredRequest[] {
  const db = new Database(e2eEnv.DATABASE_URL.replace(/^file:/, ""), { readonly: true, fileMustExist: true });
  try {
    return db
      .prepare(
        "SELECT id, reference, name, email, company, status, description, interest, sourcePath AS referrerPath, " +
          `utmSource, utmMedium, utmCampaign, spamScore FROM QuoteRequest WHERE ${where} ORDER BY id`,
      )
      .all(...params) as StoredRequest[];
  } finally {
    db.close();
  }
}

/** The .eml files the server wrote (no SMTP_URL in the e2e run) that mention `text`. */
export async function mailsMentioning(text: string, count: number): Promise<string[]> {
  let found: string[] = [];
  await expect
    .poll(
      () => {
        const dir = e2eEnv.MAIL_DIR;
        if (!fs.existsSync(dir)) return 0;
        found = fs
          .readdirSync(dir)
          .map((name) => fs.readFileSync(path.join(dir, name), "utf8"))
          .filter((raw) => raw.includes(text));
        return found.length;
      },
      { timeout: 15_000 },
    )
    .toBe(count);
  return found;
}

let ipCounter = 0;
/** A distinct client address for each test (the e2e server trusts one proxy hop). */
export function uniqueIp(): string {
  ipCounter += 1;
  return `198.18.${Math.floor(Math.random() * 200) + 1}.${(ipCounter % 250) + 1}`;
}

export const uniqueName = (label: string) =>
  `${label} ${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;

/** Fills every field with valid values and waits past the minimum fill time. */
export async function fillValid(page: Page, name: string) {
  await page.getByLabel(/Your name/).fill(name);
  await page.getByLabel(/Email address/).fill("prospect@example.com");
  await page.getByLabel(/Company/).fill("Example Agency");
  await page.getByLabel(/Phone number/).fill("+27 82 123 4567");
  await page.getByLabel(/What can we help with/).selectOption({ label: "Straider.ai" });
  await page.getByLabel(/Budget range/).selectOption({ index: 2 });
  await page.getByLabel(/When would you like to start/).selectOption({ index: 1 });
  await page
    .getByLabel(/About the project/)
    .fill("We want our product feed cleaned up before the holiday season starts.");
  await page.getByLabel(/I agree/).check();
  await pastMinimumFillTime();
}
