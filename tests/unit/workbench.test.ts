// The desk's workbench on both databases: search over the message (case-insensitive), the filters, the orders
// paged across their segments, In progress's due next steps first, deal values summed per currency, the digest's
// "next steps due by", the audited plan and bulk commands, and the migration that backfills the search text.
import { responseClock } from "@/lib/server/env";
import { clockEnv } from "../helpers/quote-fixtures";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/db/client";
import { formatMoney, parseAmount, parseCurrency } from "@/lib/leads/deal-value";
import { parseInboxFilter, inboxQuery, type InboxFilter } from "@/lib/leads/inbox-filter";
import { inboxPage } from "@/lib/leads/inbox-query";
import { searchTextOf, emailKey } from "@/lib/leads/keys";
import { dayOf, nextStepsDueBy } from "@/lib/leads/next-steps";
import { bulkChangeStatus, describeBulk, setDealValue, setNextStep } from "@/lib/leads/plan";
import { sourcesReport } from "@/lib/leads/queries";
import { emptyDatabase, migratedDb, queryRows, testProviders } from "../helpers/test-databases";

const NOW = new Date("2026-12-07T08:00:00Z"); // 10:00 in Johannesburg, Monday 7 December
const ZONE = "Africa/Johannesburg";
const CHOICES = {
  interests: [
    { value: "service:automation", label: "Automation" },
    { value: "other", label: "Something else" },
  ],
  budgets: [
    { value: "not-sure", label: "Not sure yet" },
    { value: "under-50k", label: "Under R50 000" },
    { value: "over-500k", label: "Over R500 000" },
  ],
};
const BUDGETS_HIGH_FIRST = CHOICES.budgets.map((choice) => choice.label).reverse();
const HOUR = 3_600_000;

describe("the inbox's URL", () => {
  it("keeps only values the inbox offers, and writes back only what was chosen", () => {
    const filter = parseInboxFilter(
      { status: "in-progress", q: " Crawler ", interest: "other", budget: "under-50k", age: "7d", sort: "budget" },
      CHOICES,
    );
    expect(filter).toEqual({
      status: "in_progress",
      query: "Crawler",
      page: 1,
      interest: "other",
      budget: "Under R50 000",
      budgetValue: "under-50k",
      age: "7d",
      sort: "budget",
    });
    expect(inboxQuery({ ...filter, status: "in_progress" }).toString()).toBe(
      "status=in_progress&q=Crawler&interest=other&budget=under-50k&age=7d&sort=budget",
    );
    const junk = parseInboxFilter(
      { interest: "service:nope", budget: "Under R50 000", age: "1y", sort: "'; drop table" },
      CHOICES,
    );
    expect(junk).toEqual({ status: undefined, query: undefined, page: 1 });
    // A sort someone chose stays in the address, even the tab's default (New's default is due order, not newest).
    expect(parseInboxFilter({ sort: "received" }, CHOICES).sort).toBe("received");
  });

  it("reads amounts and currencies the way an owner types them, and refuses the rest", () => {
    expect(parseAmount("120 000")).toBe(120000);
    expect(parseAmount("1,500,000")).toBe(1500000);
    expect(parseAmount("12.5k")).toBeNull();
    expect(parseAmount("-5")).toBeNull();
    expect(parseAmount("3000000000")).toBeNull();
    expect(parseCurrency(" usd ")).toBe("USD");
    expect(parseCurrency("XYZ")).toBeNull();
    expect(parseCurrency("rand")).toBeNull();
  });
});

describe.each(testProviders())("the workbench on %s", (provider) => {
  let db: Db;
  let cleanup: () => Promise<void>;
  let sequence = 0;

  type Lead = {
    name: string;
    status?: string;
    description?: string;
    interest?: string;
    budget?: string;
    hoursAgo?: number;
    nextStepAt?: string;
    deal?: [number, string];
    referrerPath?: string;
  };

  async function insert(lead: Lead) {
    sequence += 1;
    const reference = `FS-2026-W${String(sequence).padStart(5, "0")}`;
    const email = `${lead.name.toLowerCase().replace(/\W+/g, ".")}@example.test`;
    const description = lead.description ?? "An ordinary project.";
    const createdAt = new Date(NOW.getTime() - (lead.hoursAgo ?? sequence) * HOUR);
    await db.quoteRequest.create({
      data: {
        reference,
        status: lead.status ?? "new",
        name: lead.name,
        email,
        emailKey: emailKey(email),
        searchText: searchTextOf({ reference, name: lead.name, email, company: null, description }),
        interest: lead.interest ?? "other",
        interestLabel: "x",
        budget: lead.budget ?? "Not sure yet",
        timeline: "Flexible",
        description,
        consentAt: createdAt,
        consentVersion: "v",
        referrerPath: lead.referrerPath ?? null,
        createdAt,
        activityAt: createdAt,
        nextStep: lead.nextStepAt ? `Call ${lead.name}` : null,
        nextStepAt: lead.nextStepAt ? dayOf(lead.nextStepAt) : null,
        dealAmount: lead.deal?.[0] ?? null,
        dealCurrency: lead.deal?.[1] ?? null,
      },
    });
    return reference;
  }

  const page = (filter: Partial<InboxFilter>, pageSize = 25) =>
    inboxPage(db, { page: 1, ...filter }, { now: NOW, timeZone: ZONE, budgetLabels: BUDGETS_HIGH_FIRST, pageSize });
  const names = async (filter: Partial<InboxFilter>, pageSize?: number) =>
    (await page(filter, pageSize)).rows.map((row) => row.name);

  beforeAll(async () => {
    ({ db, cleanup } = await migratedDb(`workbench-${provider}`, provider));
  }, 60_000);
  afterAll(async () => {
    await cleanup();
  });

  it("searches the message too, in any letter case, and filters by interest, budget and age", async () => {
    await insert({ name: "Searcher One", description: "We need a CRAWLER for Broken Links.", hoursAgo: 2 });
    await insert({ name: "Searcher Two", interest: "service:automation", budget: "Under R50 000", hoursAgo: 30 });
    await insert({ name: "Searcher Three", budget: "Under R50 000", hoursAgo: 24 * 40 });
    expect(await names({ query: "broken links" })).toEqual(["Searcher One"]);
    expect(await names({ query: "crawler for" })).toEqual(["Searcher One"]);
    expect(await names({ query: "searcher", interest: "service:automation" })).toEqual(["Searcher Two"]);
    expect(await names({ query: "searcher", budget: "Under R50 000" })).toEqual(["Searcher Two", "Searcher Three"]);
    expect(await names({ query: "searcher", age: "1d" })).toEqual(["Searcher One"]);
    expect(await names({ query: "searcher", age: "7d" })).toEqual(["Searcher One", "Searcher Two"]);
    expect(await names({ query: "searcher", age: "over-30d" })).toEqual(["Searcher Three"]);
  });

  it("sorts by budget, highest band first, paging in the database across the bands", async () => {
    await insert({ name: "Band Low", budget: "Under R50 000", hoursAgo: 1 });
    await insert({ name: "Band High", budget: "Over R500 000", hoursAgo: 5 });
    await insert({ name: "Band Unsure", budget: "Not sure yet", hoursAgo: 2 });
    await insert({ name: "Band Renamed", budget: "R1 to R2 (an old label)", hoursAgo: 3 });
    await insert({ name: "Band High Newer", budget: "Over R500 000", hoursAgo: 4 });
    const all = ["Band High Newer", "Band High", "Band Low", "Band Unsure", "Band Renamed"];
    expect(await names({ query: "band", sort: "budget" })).toEqual(all);
    const pages = [1, 2, 3].map((n) => page({ query: "band", sort: "budget", page: n }, 2));
    const got = await Promise.all(pages);
    expect(got.map((p) => p.rows.map((row) => row.name))).toEqual([all.slice(0, 2), all.slice(2, 4), all.slice(4)]);
    expect(got[0]!.pages).toBe(3);
    expect(await names({ query: "band" })).toEqual([
      "Band Low",
      "Band Unsure",
      "Band Renamed",
      "Band High Newer",
      "Band High",
    ]);
  });

  it("shows In progress's due next steps first (earliest first), then the rest newest first", async () => {
    // Today in Johannesburg is 7 December: a step for the 7th is due, one for the 8th is not.
    await insert({ name: "Pin Fresh", status: "in_progress", hoursAgo: 1 });
    await insert({ name: "Pin Later", status: "in_progress", hoursAgo: 2, nextStepAt: "2026-12-08" });
    await insert({ name: "Pin Today", status: "in_progress", hoursAgo: 3, nextStepAt: "2026-12-07" });
    await insert({ name: "Pin Overdue", status: "in_progress", hoursAgo: 4, nextStepAt: "2026-12-01" });
    const order = ["Pin Overdue", "Pin Today", "Pin Fresh", "Pin Later"];
    expect(await names({ status: "in_progress", query: "pin" })).toEqual(order);
    const second = await page({ status: "in_progress", query: "pin", page: 2 }, 3);
    expect(second.rows.map((row) => row.name)).toEqual(["Pin Later"]);
    const first = await page({ status: "in_progress", query: "pin" }, 3);
    expect(first.rows.map((row) => [row.name, row.due])).toEqual([
      ["Pin Overdue", true],
      ["Pin Today", true],
      ["Pin Fresh", false],
    ]);
    // New keeps its own order (earliest due first, the oldest arrival): pinning is In progress's.
    await insert({ name: "Pin New", hoursAgo: 0.5, nextStepAt: "2026-12-01" });
    await insert({ name: "Pin New Old", hoursAgo: 9, nextStepAt: "2026-12-01" });
    expect(await names({ status: "new", query: "pin" })).toEqual(["Pin New Old", "Pin New"]);
  });

  it("lists the open next steps due by a day for the digest, and sums deal values per currency", async () => {
    await insert({ name: "Due Won", status: "won", nextStepAt: "2026-12-02", deal: [100, "USD"] });
    const due = await nextStepsDueBy(db, "2026-12-07");
    // The earliest day first; on one day, the oldest lead first.
    expect(due.map((row) => row.name)).toEqual(["Pin New Old", "Pin Overdue", "Pin New", "Pin Today"]);
    expect(due[1]).toMatchObject({ nextStep: "Call Pin Overdue", status: "in_progress" });
    expect((await nextStepsDueBy(db, "2026-12-08")).map((row) => row.name)).toContain("Pin Later");
    await expect(nextStepsDueBy(db, "2026-02-30")).rejects.toThrow("not a date");

    await insert({ name: "Sum A", deal: [120000, "ZAR"] });
    await insert({ name: "Sum B", deal: [30000, "ZAR"] });
    await insert({ name: "Sum C", deal: [5000, "USD"] });
    const sums = await page({ status: "new", query: "sum " });
    expect(sums.totals).toEqual([
      { currency: "ZAR", amount: 150000, leads: 2 },
      { currency: "USD", amount: 5000, leads: 1 },
    ]);
  });

  it("records deal value and next step changes on the timeline, and nothing when unchanged", async () => {
    const reference = await insert({ name: "Plan Me" });
    const ctx = { db, actor: "owner@example.test", now: () => NOW };
    expect(await setDealValue(ctx, reference, { amount: 90000, currency: "EUR" })).toMatchObject({ changed: true });
    expect(await setDealValue(ctx, reference, { amount: 90000, currency: "EUR" })).toMatchObject({ changed: false });
    expect(await setNextStep(ctx, reference, { step: "Send proposal", day: dayOf("2026-12-09")! })).toMatchObject({
      changed: true,
    });
    expect(await setNextStep(ctx, reference.toLowerCase(), null)).toMatchObject({ changed: true });
    expect(await setDealValue(ctx, "FS-2026-NOPE00", null)).toMatchObject({ ok: false, error: "not_found" });
    const lead = await db.quoteRequest.findUniqueOrThrow({ where: { reference }, include: { events: true } });
    expect(lead).toMatchObject({ dealAmount: 90000, dealCurrency: "EUR", nextStep: null, nextStepAt: null });
    expect(lead.events.map((event) => [event.action, event.actor, event.detail])).toEqual([
      ["deal_value", "owner@example.test", formatMoney(90000, "EUR")],
      ["next_step", "owner@example.test", "Send proposal (by 2026-12-09)"],
      ["next_step", "owner@example.test", null],
    ]);
  });

  it("moves several leads to spam in one go, one audited change each, reporting the ones it could not", async () => {
    const a = await insert({ name: "Bulk A" });
    const b = await insert({ name: "Bulk B", status: "spam" });
    const result = await bulkChangeStatus(
      { db, actor: "owner@example.test" },
      [a, b, a.toLowerCase(), "FS-2026-NOPE00"],
      "spam",
    );
    expect(result).toEqual({ changed: [a], unchanged: [b], failed: ["FS-2026-NOPE00"] });
    expect(describeBulk(result, "spam")).toBe(
      "1 lead moved to Spam; 1 lead already there; not changed (reload and try again): FS-2026-NOPE00.",
    );
    const events = await db.leadEvent.findMany({ where: { quoteRequest: { reference: { in: [a, b] } } } });
    expect(events.map((event) => [event.action, event.fromStatus, event.toStatus])).toEqual([["spam", "new", "spam"]]);
  });

  it("adds up the won value per landing page and campaign, per currency", async () => {
    await insert({ name: "Won 1", status: "won", referrerPath: "/services/x", deal: [1000, "ZAR"], hoursAgo: 1 });
    await insert({ name: "Won 2", status: "won", referrerPath: "/services/x", deal: [200, "USD"], hoursAgo: 1 });
    await insert({ name: "Won 3", status: "won", referrerPath: "/services/x", deal: [500, "ZAR"], hoursAgo: 1 });
    await insert({ name: "Open 4", status: "in_progress", referrerPath: "/services/x", deal: [9, "ZAR"], hoursAgo: 1 });
    const report = await sourcesReport(db, 30, NOW, responseClock(clockEnv));
    expect(report.pages.find((row) => row.key === "/services/x")).toMatchObject({
      key: "/services/x",
      leads: 4,
      won: 3,
      wonValue: { ZAR: 1500, USD: 200 },
    });
  });
});

const root = fileURLToPath(new URL("../..", import.meta.url));

describe.each(testProviders())("the workbench migration on %s", (provider) => {
  it("appends the message to the search text of requests stored before it", async () => {
    const history = path.join(root, provider === "sqlite" ? "prisma/migrations" : "prisma/postgresql/migrations");
    const before = fs.mkdtempSync(path.join(os.tmpdir(), "fsdev-workbench-"));
    const database = await emptyDatabase(provider, "workbench-migration");
    try {
      for (const name of fs.readdirSync(history)) {
        if (name.endsWith(".toml")) fs.copyFileSync(path.join(history, name), path.join(before, name));
        else if (!name.endsWith("_workbench"))
          fs.cpSync(path.join(history, name), path.join(before, name), { recursive: true });
      }
      const env = { ...process.env, DATABASE_URL: database.url };
      const migrate = (...args: string[]) =>
        execFileSync(process.execPath, ["prisma/migrate.mjs", "deploy", ...args], { cwd: root, env, stdio: "pipe" });
      migrate("--migrations-dir", before);
      // The previous shape of the row, written with plain SQL (the client knows the new columns).
      const sql = [
        `INSERT INTO "QuoteRequest" ("reference", "name", "email", "interest", "interestLabel", "budget",`,
        `"timeline", "description", "consentAt", "consentVersion", "searchText", "updatedAt")`,
        `VALUES ('FS-2026-OLD001', 'Ada', 'ada@example.test', 'other', 'x', 'b', 't', 'Need A Crawler, ÉLAN',`,
        `CURRENT_TIMESTAMP, 'v', 'fs-2026-old001 ada ada@example.test ', CURRENT_TIMESTAMP)`,
      ].join(" ");
      const raw = createDb(database.url);
      await raw.$executeRawUnsafe(sql);
      await raw.$disconnect();
      migrate();
      const rows = await queryRows<{ searchText: string; dealAmount: number | null }>(
        database.url,
        `SELECT "searchText", "dealAmount" FROM "QuoteRequest"`,
      );
      // ASCII letters folded the same on both databases (SQLite's lower() folds nothing else).
      expect(rows).toEqual([
        { searchText: "fs-2026-old001 ada ada@example.test  need a crawler, Élan", dealAmount: null },
      ]);
    } finally {
      await database.cleanup();
      fs.rmSync(before, { recursive: true, force: true });
    }
  }, 60_000);
});
