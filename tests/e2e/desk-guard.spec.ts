// Every /desk route and every desk server action, called anonymously, with an expired session, and (for
// everything that changes state) with a valid session from a cross-site Origin: all refused, nothing changed.
// The actions are found in the build's server-reference manifest, so a new action is covered automatically.
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { DESK, deskLinkFromCli, submitLead, withDb } from "../helpers/desk";
import { uniqueIp, uniqueName } from "../helpers/e2e-server";

const require = createRequire(import.meta.url);
const { encodeReply } = require("next/dist/compiled/react-server-dom-webpack/client.node") as {
  encodeReply: (value: unknown) => Promise<FormData | string>;
};

// The owner's actions, one per file (the sign-in form's own action, public by nature, lives elsewhere).
const ACTIONS_DIR = "app/(desk)/desk/actions";
/** Every file in ACTIONS_DIR, as the build's manifest names it. */
const ACTIONS_FILE = /^app\/\(desk\)\/desk\/actions\/[^/]+\.ts$/;
const COOKIE = "better-auth.session_token";

type Manifest = { node: Record<string, { filename: string; exportedName: string }> };

/** Every file of the actions folder, named as the manifest names it. */
function actionFiles(): string[] {
  return fs
    .readdirSync(ACTIONS_DIR)
    .map((name) => `${ACTIONS_DIR}/${name}`)
    .sort();
}

function deskActions(): { id: string; name: string; filename: string }[] {
  const file = path.join(process.env.NEXT_DIST_DIR ?? ".next", "server", "server-reference-manifest.json");
  const manifest = JSON.parse(fs.readFileSync(file, "utf8")) as Manifest;
  return Object.entries(manifest.node)
    .filter(([, entry]) => ACTIONS_FILE.test(entry.filename))
    .map(([id, entry]) => ({ id, name: entry.exportedName, filename: entry.filename }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Everything an action could change, read straight from the database. */
function snapshot() {
  return withDb((db) => ({
    leads: db
      .prepare("SELECT id, status, activityAt, firstResponseAt, dealAmount, nextStep FROM QuoteRequest ORDER BY id")
      .all(),
    events: db.prepare("SELECT count(*) AS n FROM LeadEvent").get(),
    outbox: db.prepare("SELECT count(*) AS n FROM OutboxMessage").get(),
    erasures: db.prepare("SELECT count(*) AS n FROM ErasureLog").get(),
    sessions: db.prepare("SELECT id, expiresAt FROM session WHERE expiresAt > ? ORDER BY id").all(Date.now()),
    passkeys: db.prepare("SELECT id, name FROM passkey ORDER BY id").all(),
    privacyRequests: db.prepare("SELECT id, status, answeredAt FROM PrivacyRequest ORDER BY id").all(),
  }));
}

type Condition = { label: string; cookie?: string; origin: string };

async function callAction(
  request: APIRequestContext,
  id: string,
  fields: Record<string, string>,
  condition: Condition,
) {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.set(key, value);
  const body = await encodeReply([{ status: "idle" }, form]);
  return request.post(`${DESK}/desk/account`, {
    headers: {
      "Next-Action": id,
      Accept: "text/x-component",
      Origin: condition.origin,
      ...(condition.cookie ? { Cookie: `${COOKIE}=${condition.cookie}` } : {}),
    },
    ...(typeof body === "string" ? { data: body } : { multipart: body }),
    maxRedirects: 0,
  });
}

test("every desk action file exports one guarded action, and the build serves each", () => {
  const files = actionFiles();
  expect(files.length).toBeGreaterThanOrEqual(7);
  const exported: string[] = [];
  for (const file of files) {
    expect(file).toMatch(ACTIONS_FILE);
    const source = fs.readFileSync(file, "utf8");
    expect(source.startsWith('"use server";'), `${file} is a server action file`).toBe(true);
    const exports = source.match(/^export\b.*/gm) ?? [];
    expect(exports, `${file} exports one action`).toHaveLength(1);
    const guarded = /^export const (\w+) = ownerAction\(/.exec(exports[0]!)?.[1];
    expect(guarded, `${file} builds its action with ownerAction`).toBeDefined();
    exported.push(guarded!);
  }
  const actions = deskActions();
  expect(actions.map((action) => action.name)).toEqual([...exported].sort());
  expect([...new Set(actions.map((action) => action.filename))].sort()).toEqual(files);
});

test("anonymous, expired and cross-site requests to the desk are all refused and change nothing", async ({
  request,
  playwright,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const name = uniqueName("Guard");
  const email = `${name.replace(/\W+/g, ".").toLowerCase()}@example.com`;
  const reference = await submitLead(request, baseURL!, { name, email, ip: uniqueIp() });
  const spamReference = await submitLead(request, baseURL!, {
    name: uniqueName("GuardSpam"),
    email: `spam.${email}`,
    ip: uniqueIp(),
    spam: true,
  });

  // A real owner session, from `npm run desk:link` and its link.
  // Its own request context: the conditions below send their cookie (or none) by hand.
  const owner = await playwright.request.newContext();
  const verify = await owner.get(deskLinkFromCli(), { maxRedirects: 0 });
  expect(verify.status()).toBe(302);
  const cookie = /better-auth\.session_token=([^;]+)/.exec(verify.headers()["set-cookie"] ?? "")?.[1];
  expect(cookie).toBeTruthy();
  const signedIn = await owner.get(`${DESK}/desk`, { maxRedirects: 0 });
  expect(signedIn.status()).toBe(200);
  await owner.dispose();
  const outsider = await playwright.request.newContext();

  // A confirmed privacy request from the form, for the actions that answer one.
  const privacyRequest = withDb(
    (db) =>
      db
        .prepare(
          "INSERT INTO PrivacyRequest (kind, email, emailKey, status, confirmBy, createdAt, confirmedAt) " +
            "VALUES ('access', ?, ?, 'open', ?, ?, ?)",
        )
        .run(`privacy.${email}`, `privacy.${email}`, Date.now(), Date.now(), Date.now()).lastInsertRowid,
  );

  const pages = ["/desk", "/desk/sources", "/desk/erase", "/desk/account", `/desk/leads/${reference}`];
  const inputs: Record<string, Record<string, string>> = {
    addNoteAction: { reference, note: "should never be stored" },
    answerPrivacyRequestAction: { request: String(privacyRequest) },
    mailAccessExportAction: { request: String(privacyRequest) },
    changeStatusAction: { reference, status: "won" },
    eraseAction: { email, confirm: "yes" },
    markAnsweredAction: { reference },
    markSpamAction: { reference },
    releaseSpamAction: { reference: spamReference },
    replyAction: { reference, subject: "Re: never sent", body: "This reply must never be sent." },
    retryMailAction: { reference },
    signOutAction: {},
    bulkStatusAction: { reference, to: "spam" },
    setDealValueAction: { reference, amount: "5000", currency: "USD" },
    setNextStepAction: { reference, step: "should never be stored", due: "2026-12-31" },
    renamePasskeyAction: { id: "any-passkey", name: "should never be stored" },
    removePasskeyAction: { id: "any-passkey", confirm: "yes" },
  };
  const actions = deskActions();
  expect(actions.length, "desk actions found in the build").toBeGreaterThanOrEqual(7);
  for (const action of actions) expect(inputs[action.name], `test input for ${action.name}`).toBeDefined();

  const crossSite: Condition = { label: "cross-site", cookie, origin: "https://evil.example" };
  const anonymous: Condition = { label: "anonymous", origin: DESK };
  const expired: Condition = { label: "expired session", cookie, origin: DESK };
  const before = snapshot();
  const results: string[] = [];

  for (const condition of [crossSite, anonymous, "expire", expired] as const) {
    if (condition === "expire") {
      withDb((db) =>
        db
          .prepare("UPDATE session SET expiresAt = ? WHERE token = ?")
          .run(Date.now() - 60_000, decodeURIComponent(cookie!).split(".")[0]),
      );
      before.sessions = snapshot().sessions;
      continue;
    }
    const headers = {
      Origin: condition.origin,
      ...(condition.cookie ? { Cookie: `${COOKIE}=${condition.cookie}` } : {}),
    };
    if (condition !== crossSite) {
      for (const page of pages) {
        const response = await outsider.get(`${DESK}${page}`, { headers, maxRedirects: 0 });
        results.push(`${condition.label} GET ${page} ${response.status()} ${response.headers().location ?? ""}`);
        expect(response.status(), `${condition.label} GET ${page}`).toBe(307);
        expect(response.headers().location).toBe("/desk/sign-in");
      }
    }
    const exportResponse = await outsider.post(`${DESK}/desk/export`, {
      headers,
      form: { status: "new" },
      maxRedirects: 0,
    });
    expect(exportResponse.status(), `${condition.label} POST /desk/export`).toBe(condition === crossSite ? 403 : 401);
    expect(await exportResponse.text()).not.toContain(reference);

    for (const action of actions) {
      const response = await callAction(outsider, action.id, inputs[action.name]!, condition);
      const text = await response.text();
      if (condition === crossSite) expect(response.status(), `${condition.label} ${action.name}`).toBe(403);
      else {
        expect(response.status(), `${condition.label} ${action.name}`).toBe(200);
        expect(text, `${condition.label} ${action.name}`).toContain("You are signed out. Sign in again to do this.");
      }
      results.push(`${condition.label} ${action.name} ${response.status()}`);
    }
    expect(snapshot(), `after the ${condition.label} requests`).toEqual(before);
  }
  expect(results.length).toBe(2 * pages.length + 3 * actions.length);
  await outsider.dispose();
});
