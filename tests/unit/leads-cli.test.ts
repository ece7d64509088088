// `npm run leads`: the command line twin of the desk, run as a real process against a migrated SQLite file.
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isoWithOffset } from "@/lib/text/local-time";
import { leadRow } from "../helpers/lead-rows";
import { createDb, type Db } from "@/lib/db/client";
import { tempDatabaseUrl } from "../helpers/temp-db";

const root = fileURLToPath(new URL("../..", import.meta.url));
const database = tempDatabaseUrl("leads-cli");
const mailDir = path.join(path.dirname(database.file), "mail");
const env = {
  ...process.env,
  DATABASE_URL: database.url,
  MAIL_DIR: mailDir,
  MAIL_TRANSPORT: "file",
  NODE_ENV: "test" as const,
  QUOTE_TO: "owner@fsdev.test",
};
let client: Db;

function leads(...args: string[]) {
  const result = spawnSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "lib/cli/leads.ts", ...args], {
    cwd: root,
    env,
    encoding: "utf8",
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

/** When both leads arrived: 21:26 UTC, 23:26 in the business's zone (Africa/Johannesburg, UTC+2). */
const RECEIVED = new Date("2026-12-02T21:26:09Z");

async function insert(reference: string, name: string, email: string, status = "new", createdAt = new Date()) {
  return client.quoteRequest.create({ data: leadRow({ reference, name, email, status, createdAt }) });
}

beforeAll(async () => {
  execFileSync(process.execPath, ["prisma/migrate.mjs", "deploy"], { cwd: root, env, stdio: "pipe" });
  client = createDb(database.url);
  await insert("FS-2026-CLI001", "=SUM(A1)", "Mixed.Case@Example.test", "new", RECEIVED);
  await insert("FS-2026-CLI002", "Grace Hopper", "grace@example.test", "spam", RECEIVED);
});

afterAll(async () => {
  await client?.$disconnect();
  database.cleanup();
});

// Each command is a separate tsx process (2-4 s idle, 10 s and more on a loaded machine); some tests run a dozen.
describe("npm run leads", { timeout: 150_000 }, () => {
  it("lists, filters by status and shows a lead", () => {
    const all = leads("list");
    expect(all.code).toBe(0);
    expect(all.out).toContain("FS-2026-CLI001");
    expect(all.out).toContain("2 leads; New 1, In progress 0, Won 0, Lost 0, Spam 1");
    // Times in the business's zone, labelled, as the desk shows them.
    expect(all.out).toMatch(/^reference +received \(Africa\/Johannesburg\) +status/);
    expect(all.out).toMatch(/FS-2026-CLI001 +2026-12-02 23:26 +New/);
    const spam = leads("list", "--status", "spam");
    expect(spam.out).toContain("FS-2026-CLI002");
    expect(spam.out).not.toContain("FS-2026-CLI001");
    const show = leads("show", "fs-2026-cli002");
    expect(show.code).toBe(0);
    expect(show.out).toContain("Name: Grace Hopper");
    expect(show.out).toContain("held back (spam)");
    expect(show.out).toContain("Received: 2026-12-02T23:26:09+02:00");
    expect(show.out).toContain("Consent: 2026-12-02T23:26:09+02:00, notice version");
  });

  it("refuses unknown references, statuses, commands and options with a clear message and a non-zero exit", () => {
    expect(leads("show", "FS-NOPE")).toMatchObject({ code: 1, err: "leads: no lead with reference FS-NOPE\n" });
    expect(leads("status", "FS-NOPE", "won")).toMatchObject({
      code: 1,
      err: "leads: No lead with reference FS-NOPE.\n",
    });
    const badStatus = leads("status", "FS-2026-CLI001", "done");
    expect(badStatus.code).toBe(2);
    expect(badStatus.err).toContain('unknown status "done" (statuses: new, in_progress, won, lost, spam)');
    expect(leads("frobnicate").code).toBe(2);
    expect(leads("list", "--colour").code).toBe(2);
    expect(leads("erase", "not-an-address").code).toBe(2);
  });

  it("changes a status, releasing a spam lead's held mail", async () => {
    const result = leads("status", "FS-2026-CLI002", "in-progress");
    expect(result).toMatchObject({ code: 0 });
    expect(result.out).toContain("FS-2026-CLI002 is now In progress");
    expect(result.out).toContain("held mail: 2 sent, 0 failed");
    expect(fs.readdirSync(mailDir).filter((name) => name.endsWith(".eml"))).toHaveLength(2);
    const events = await client.leadEvent.findMany({ where: { action: "status" } });
    expect(events.map((event) => event.actor)).toEqual(["cli"]);
  });

  it("ends quietly when its reader stops early (`| head`): no EPIPE stack trace, exit 0", () => {
    // `true` exits without reading, so the command's first line already meets a closed pipe.
    const command = `"${process.execPath}" node_modules/tsx/dist/cli.mjs lib/cli/leads.ts show FS-2026-CLI001`;
    // pipefail: the pipeline's status is the command's, not `true`'s.
    const piped = spawnSync("bash", ["-c", `set -o pipefail; ${command} | true`], { cwd: root, env, encoding: "utf8" });
    expect(piped.stderr).not.toMatch(/EPIPE|Unhandled|at .*\.ts:\d+/);
    expect(piped.status).toBe(0);
  });

  it("exports CSV with a BOM and neutralised formulas", () => {
    const result = leads("export", "--status", "new");
    expect(result.code).toBe(0);
    expect(result.out.startsWith("\uFEFF")).toBe(true);
    const rows = parse(result.out, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.map((row) => row.name)).toEqual(["'=SUM(A1)"]);
    expect(rows[0]?.received).toBe("2026-12-02T23:26:09+02:00");
  });

  it("writes the export to --output itself (nothing on stdout), with activity, next step and notes count", async () => {
    const lead = await client.quoteRequest.update({
      where: { reference: "FS-2026-CLI001" },
      data: {
        nextStep: "Call back",
        nextStepAt: new Date("2026-12-09T00:00:00Z"),
        dealAmount: 1200,
        dealCurrency: "EUR",
      },
    });
    await client.leadEvent.createMany({
      data: [1, 2].map((n) => ({ quoteRequestId: lead.id, actor: "cli", action: "note", detail: `note ${n}` })),
    });
    const file = path.join(path.dirname(database.file), "leads.csv");
    const result = leads("export", "--status", "new", "--output", file);
    expect(result).toMatchObject({ code: 0, out: "" });
    expect(result.err).toContain(`to ${file}`);
    const text = fs.readFileSync(file, "utf8");
    expect(text.startsWith('\uFEFF"reference"')).toBe(true);
    const rows = parse(text, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      // In the business's zone with its offset, like every time in the CSV.
      "last activity": isoWithOffset(lead.activityAt, "Africa/Johannesburg"),
      "deal value": "1200",
      "deal currency": "EUR",
      "next step": "Call back",
      "next step due": "2026-12-09",
      notes: "2",
    });
  });

  it("answers an access request as JSON on stdout or in a file, and records it without the address", async () => {
    const result = leads("person", "mixed.case@example.TEST");
    expect(result.code).toBe(0);
    const data = JSON.parse(result.out) as { requests: { reference: string }[] };
    expect(data.requests.map((row) => row.reference)).toEqual(["FS-2026-CLI001"]);
    expect(result.err).toContain("1 request, ");
    const file = path.join(path.dirname(database.file), "person.json");
    const written = leads("person", "Mixed.Case@Example.test", "--output", file);
    expect(written).toMatchObject({ code: 0, out: "" });
    expect(JSON.parse(fs.readFileSync(file, "utf8"))).toMatchObject({ counts: { requests: 1 } });
    const audit = await client.leadEvent.findMany({ where: { action: "access_export" } });
    expect(audit.map((row) => row.actor)).toEqual(["cli", "cli"]);
    expect(JSON.stringify(audit).toLowerCase()).not.toContain("mixed.case");
    expect(leads("person", "not-an-address").code).toBe(2);
  });

  it("erases a person by any case of the address, then purges", async () => {
    const result = leads("erase", "MIXED.case@example.TEST");
    expect(result).toMatchObject({ code: 0, out: "erased 1 request, 0 emails, 0 mail files.\n" });
    expect(await client.quoteRequest.count({ where: { reference: "FS-2026-CLI001" } })).toBe(0);
    const purge = leads("purge");
    expect(purge.code).toBe(0);
    expect(purge.out).toMatch(/^purged: 0 spam requests, 0 leads past 12 months/);
  });
});
