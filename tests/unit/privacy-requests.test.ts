// lib/privacy against a migrated SQLite file: the form's protections (token, honeypot, per-IP and per-address
// limits), the mailed confirmation link (single use, expiry), the desk's answers and erasure.
import { testMail } from "../helpers/quote-fixtures";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/db/client";
import { accessExport } from "@/lib/leads/access";
import { eraseByEmail } from "@/lib/leads/erase";
import { clearShortLived } from "@/lib/leads/retention";
import { confirmPrivacyRequest } from "@/lib/privacy/confirm";
import { answerPrivacyRequest, listPrivacyRequests, mailAccessExport } from "@/lib/privacy/desk";
import {
  PRIVACY_CONFIRM_HOURS,
  PRIVACY_HONEYPOT_FIELD,
  PRIVACY_REQUESTS_PER_ADDRESS_PER_DAY,
} from "@/lib/privacy/fields";
import { submitPrivacyRequest, type PrivacyDeps, type RawPrivacyPost } from "@/lib/privacy/submit";
import { issueFormToken } from "@/lib/quotes/form-token";
import { migratedTempDatabase } from "../helpers/temp-db";

const SECRET = "unit-privacy-secret-0123456789-abcdefghijkl";
const ENV = {
  FORM_SECRET: SECRET,
  FORM_TOKEN_MAX_AGE_HOURS: 24,
  MIN_SUBMIT_SECONDS: 3,
  RATE_LIMIT_MAX: 5,
  RATE_LIMIT_WINDOW_MINUTES: 10,
};
const MAIL = { ...testMail, siteName: "FS Dev", siteUrl: "https://www.fsdev.example", ownerName: "Francois Schoeman" };
const RETENTION = {
  SPAM_RETENTION_DAYS: 30,
  LEAD_RETENTION_MONTHS: 12,
  MAIL_BODY_RETENTION_DAYS: 14,
  RATE_LIMIT_WINDOW_MINUTES: 10,
};
const NOW = new Date("2026-12-06T10:00:00Z");
const HOUR = 3_600_000;

let database: ReturnType<typeof migratedTempDatabase>;
let db: Db;
let ipCounter = 0;

beforeAll(() => {
  database = migratedTempDatabase("privacy");
  db = createDb(database.url);
});
afterAll(async () => {
  await db?.$disconnect();
  database?.cleanup();
});
beforeEach(async () => {
  await db.outboxMessage.deleteMany();
  await db.leadEvent.deleteMany();
  await db.privacyRequest.deleteMany();
  await db.quoteRequest.deleteMany();
});

const deps = (now = NOW): PrivacyDeps => ({ db, env: ENV, mail: MAIL, now: () => now, log: () => {} });
/** A post made with a form loaded a minute before `now`. */
const post = (overrides: RawPrivacyPost = {}, now = NOW): RawPrivacyPost => ({
  email: "Jane.Doe@example.test",
  kind: "access",
  details: "Please send me what you hold.",
  formToken: issueFormToken(SECRET, new Date(now.getTime() - 60_000)),
  ...overrides,
});
const ip = () => `203.0.113.${++ipCounter}`;

async function linkToken(): Promise<string> {
  const mail = await db.outboxMessage.findFirstOrThrow({
    where: { kind: "privacy_confirmation" },
    orderBy: { id: "desc" },
  });
  const match = /\/privacy\/request\/confirm\?token=([\w-]+)/.exec(mail.textBody);
  expect(match, mail.textBody).not.toBeNull();
  return match![1]!;
}

describe("a privacy request from the form", () => {
  it("is stored unconfirmed with its confirmation mail to the named address, and is not on the desk yet", async () => {
    const result = await submitPrivacyRequest(post(), { ip: ip() }, deps());
    expect(result).toMatchObject({ status: "sent", stored: true });
    const [row] = await db.privacyRequest.findMany();
    expect(row).toMatchObject({ kind: "access", emailKey: "jane.doe@example.test", status: "unconfirmed" });
    expect(row!.confirmBy.getTime() - NOW.getTime()).toBe(PRIVACY_CONFIRM_HOURS * HOUR);
    const mail = await db.outboxMessage.findFirstOrThrow();
    expect(mail).toMatchObject({ kind: "privacy_confirmation", recipient: "Jane.Doe@example.test", replyTo: null });
    expect(mail.textBody).not.toContain("Please send me what you hold");
    // The token is in the mail only: the row holds its hash.
    expect(row!.confirmTokenHash).not.toContain(await linkToken());
    expect(await listPrivacyRequests(db)).toEqual([]);
  });

  it("refuses bad input field by field and stores nothing", async () => {
    const result = await submitPrivacyRequest(post({ email: "jane@", kind: "everything" }), { ip: ip() }, deps());
    expect(result.status).toBe("invalid");
    if (result.status === "invalid") expect(Object.keys(result.fieldErrors).sort()).toEqual(["email", "kind"]);
    expect(await db.privacyRequest.count()).toBe(0);
    expect(await db.outboxMessage.count()).toBe(0);
  });

  it("asks to send again without a token (a browser without cookies), with a token bound to the values", async () => {
    const first = await submitPrivacyRequest(post({ formToken: undefined }), { ip: ip() }, deps());
    expect(first.status).toBe("unconfirmed");
    if (first.status !== "unconfirmed") return;
    expect(await db.privacyRequest.count()).toBe(0);
    // Sent again at once with the replacement token: the minimum time is waived for the same values.
    const again = await submitPrivacyRequest(post({ formToken: first.resendToken }), { ip: ip() }, deps());
    expect(again).toMatchObject({ status: "sent", stored: true });
  });

  it("stores nothing from a bot (honeypot, or faster than a person) but answers the same", async () => {
    const trap = await submitPrivacyRequest(post({ [PRIVACY_HONEYPOT_FIELD]: "x" }), { ip: ip() }, deps());
    const fast = await submitPrivacyRequest(post({ formToken: issueFormToken(SECRET, NOW) }), { ip: ip() }, deps());
    const forged = await submitPrivacyRequest(post({ formToken: "v1.forged.token.sig" }), { ip: ip() }, deps());
    for (const result of [trap, fast, forged]) expect(result).toMatchObject({ status: "sent", stored: false });
    expect(await db.privacyRequest.count()).toBe(0);
    expect(await db.outboxMessage.count()).toBe(0);
  });

  it("limits requests per connection (an error) and per named address (silently: no flooded mailbox)", async () => {
    const address = ip();
    for (let i = 0; i < ENV.RATE_LIMIT_MAX; i++)
      expect((await submitPrivacyRequest(post({ email: `p${i}@example.test` }), { ip: address }, deps())).status).toBe(
        "sent",
      );
    expect((await submitPrivacyRequest(post({ email: "p9@example.test" }), { ip: address }, deps())).status).toBe(
      "rate_limited",
    );

    await db.privacyRequest.deleteMany();
    await db.outboxMessage.deleteMany();
    for (let i = 0; i < PRIVACY_REQUESTS_PER_ADDRESS_PER_DAY; i++)
      expect(await submitPrivacyRequest(post(), { ip: ip() }, deps())).toMatchObject({ stored: true });
    expect(await submitPrivacyRequest(post({ email: "JANE.DOE@example.test" }), { ip: ip() }, deps())).toMatchObject({
      status: "sent",
      stored: false,
    });
    expect(await db.outboxMessage.count()).toBe(PRIVACY_REQUESTS_PER_ADDRESS_PER_DAY);
    // A day later the address may ask again.
    const later = new Date(NOW.getTime() + 25 * HOUR);
    expect(await submitPrivacyRequest(post({}, later), { ip: ip() }, deps(later))).toMatchObject({ stored: true });
  });
});

describe("the confirmation link", () => {
  it("works once: the request reaches the desk, a second use and a made-up token are refused", async () => {
    await submitPrivacyRequest(post(), { ip: ip() }, deps());
    const token = await linkToken();
    expect(await confirmPrivacyRequest("not-the-token", { db, now: () => NOW })).toBe("invalid");
    expect(await confirmPrivacyRequest(token, { db, now: () => NOW })).toBe("confirmed");
    expect(await confirmPrivacyRequest(token, { db, now: () => NOW })).toBe("invalid");
    const listed = await listPrivacyRequests(db);
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ status: "open", email: "Jane.Doe@example.test", confirmedAt: NOW });
    const audit = await db.leadEvent.findMany();
    expect(audit.map((event) => event.action)).toEqual(["privacy_confirmed"]);
    expect(JSON.stringify(audit)).not.toContain("jane");
  });

  it("expires: refused after its time, and the unconfirmed request is deleted by the per-minute clean-up", async () => {
    await submitPrivacyRequest(post(), { ip: ip() }, deps());
    const token = await linkToken();
    const after = new Date(NOW.getTime() + PRIVACY_CONFIRM_HOURS * HOUR + 1000);
    expect((await clearShortLived(db, RETENTION, NOW)).unconfirmedPrivacyRequests).toBe(0);
    expect(await confirmPrivacyRequest(token, { db, now: () => after })).toBe("invalid");
    expect((await clearShortLived(db, RETENTION, after)).unconfirmedPrivacyRequests).toBe(1);
    expect(await db.privacyRequest.count()).toBe(0);
  });
});

describe("the desk's answers", () => {
  async function confirmed(email = "Jane.Doe@example.test", kind = "access"): Promise<number> {
    await submitPrivacyRequest(post({ email, kind }), { ip: ip() }, deps());
    expect(await confirmPrivacyRequest(await linkToken(), { db, now: () => NOW })).toBe("confirmed");
    return (await db.privacyRequest.findFirstOrThrow({ where: { emailKey: email.toLowerCase() } })).id;
  }

  it("mails the access export to the confirmed address only; an unconfirmed request gets none", async () => {
    const id = await confirmed();
    await submitPrivacyRequest(post({ email: "someone@example.test" }), { ip: ip() }, deps());
    const unconfirmed = (await db.privacyRequest.findFirstOrThrow({ where: { status: "unconfirmed" } })).id;
    const opts = { db, actor: "owner@fsdev.example", secret: SECRET, mail: MAIL };
    expect(await mailAccessExport(unconfirmed, opts)).toBeNull();
    const outboxId = await mailAccessExport(id, opts);
    const mail = await db.outboxMessage.findUniqueOrThrow({ where: { id: outboxId! } });
    expect(mail).toMatchObject({ kind: "access_export", recipient: "Jane.Doe@example.test" });
    expect(mail.textBody).toContain('"email": "jane.doe@example.test"');
    expect(mail.textBody).toContain('"privacyRequests"');
    expect(mail.textBody).not.toContain("confirmTokenHash");
    expect(await answerPrivacyRequest(id, opts)).toBe(true);
    expect(await answerPrivacyRequest(id, opts)).toBe(false);
  });

  it("erasure of the address removes its privacy requests, confirmed or not", async () => {
    await confirmed();
    await submitPrivacyRequest(post({ kind: "deletion" }), { ip: ip() }, deps());
    await confirmed("keep@example.test");
    expect(await db.privacyRequest.count({ where: { emailKey: "jane.doe@example.test" } })).toBe(2);
    const result = await eraseByEmail("JANE.DOE@example.test", {
      db,
      mailDir: database.file + "-no-mail",
      secret: SECRET,
      actor: "owner@fsdev.example",
      smtpTimeoutMs: 1000,
    });
    expect(result.privacyRequests).toBe(2);
    expect((await db.privacyRequest.findMany()).map((row) => row.emailKey)).toEqual(["keep@example.test"]);
    // Their confirmation mails went too.
    expect((await db.outboxMessage.findMany()).map((row) => row.recipient)).toEqual(["keep@example.test"]);
    expect((await accessExport("jane.doe@example.test", { db, secret: SECRET, actor: "cli" })).json).toContain(
      '"privacyRequests": []',
    );
  });
});
