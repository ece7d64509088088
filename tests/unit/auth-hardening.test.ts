// The owner's sign-in (better-auth through lib/server/context.ts) on a real, migrated SQLite database, through the
// real request handler: the cap on links mailed to the owner, the endpoints that answer at all, and what a
// hostile callback URL can write to the server log.
import { format } from "node:util";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { withClientIp } from "@/lib/auth/client-ip";
import { signInCapNotices } from "@/lib/leads/queries";
import { createServerContext, type ServerContext } from "@/lib/server/context";
import { parseEnv } from "@/lib/server/env";
import { migratedTempDatabase } from "../helpers/temp-db";

const ORIGIN = "http://localhost:4217";
const OWNER = "owner@example.com";

let database: ReturnType<typeof migratedTempDatabase>;
let context: ServerContext;
const later: Promise<unknown>[] = [];

beforeAll(() => {
  database = migratedTempDatabase("auth-hardening");
  context = createServerContext(
    parseEnv({ DATABASE_URL: database.url, SITE_URL: ORIGIN, QUOTE_TO: OWNER, MAIL_TRANSPORT: "file" }),
  );
});
afterAll(async () => {
  await context.close();
  database.cleanup();
});

/** The server's sign-in; its after-the-response tasks run at once and are awaited by `settled()`. */
const auth = () => context.auth((_label, task) => void later.push(task()));
const settled = async () => {
  while (later.length > 0) await Promise.allSettled(later.splice(0));
};

let nextIp = 1;
/** A request through the auth route's handler, from its own client address. */
function send(path: string, init: { method?: string; body?: unknown } = {}): Promise<Response> {
  const request = new Request(`${ORIGIN}/api/auth${path}`, {
    method: init.method ?? (init.body === undefined ? "GET" : "POST"),
    headers: { "content-type": "application/json", origin: ORIGIN },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  return auth().handler(withClientIp(request, `198.51.100.${nextIp++ % 250}`));
}

const askForLink = (email: string, callbackURL = "/desk") =>
  send("/sign-in/magic-link", { body: { email, callbackURL, errorCallbackURL: "/desk/sign-in" } });

describe("links mailed to the owner", () => {
  it("are capped at 3 per 15 minutes from any number of addresses, one audit row; desk:link still works", async () => {
    const answers = [];
    for (let i = 0; i < 10; i++) answers.push(await askForLink(OWNER));
    await settled();
    // Every visitor gets the same answer...
    expect(answers.map((answer) => answer.status)).toEqual(Array(10).fill(200));
    expect(new Set(await Promise.all(answers.map((answer) => answer.text()))).size).toBe(1);
    // ...but only three links were mailed, and the desk records that the cap was hit, once for the window.
    const { db } = context;
    expect(await db.outboxMessage.count({ where: { kind: "sign_in_link" } })).toBe(3);
    const audit = await db.leadEvent.findMany({ where: { quoteRequestId: null, action: "sign_in_link_cap" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]!.detail).toMatch(/desk:link/);
    // The desk's inbox lists it.
    expect((await signInCapNotices(db)).map((row) => row.id)).toEqual([audit[0]!.id]);
    for (let i = 0; i < 3; i++) await askForLink(OWNER);
    await settled();
    expect(await db.outboxMessage.count({ where: { kind: "sign_in_link" } })).toBe(3);
    expect(await db.leadEvent.count({ where: { action: "sign_in_link_cap" } })).toBe(1);

    // `npm run desk:link` (its own instance, printing the link) is not capped.
    let printed = "";
    await context
      .authWith((url) => void (printed = url))
      .api.signInMagicLink({ body: { email: OWNER, callbackURL: "/desk" }, headers: new Headers() });
    expect(printed).toContain("/api/auth/magic-link/verify?token=");
  });
});

/** Paths the desk and its tests use (app/(desk), components/desk, tests/e2e); every other one must answer 404. */
const ALLOWED = [
  "/sign-in/magic-link",
  "/magic-link/verify",
  "/get-session",
  "/sign-out",
  "/passkey/generate-register-options",
  "/passkey/verify-registration",
  "/passkey/generate-authenticate-options",
  "/passkey/verify-authentication",
  "/passkey/list-user-passkeys",
  "/passkey/update-passkey",
  "/passkey/delete-passkey",
];

describe("the auth endpoints", () => {
  it("answer 404 on every path better-auth has that the desk does not use", async () => {
    const endpoints = Object.entries(auth().api as Record<string, { path?: string; options?: { method?: unknown } }>)
      .filter(([, endpoint]) => typeof endpoint.path === "string")
      .map(([name, endpoint]) => ({
        name,
        path: endpoint.path!.replace(/:\w+/g, "x"),
        methods: [endpoint.options?.method].flat().map((method) => (typeof method === "string" ? method : "GET")),
      }));
    expect(endpoints.length).toBeGreaterThan(30);
    for (const path of ALLOWED) expect(endpoints.map((endpoint) => endpoint.path)).toContain(path);
    const answered: string[] = [];
    for (const endpoint of endpoints.filter((endpoint) => !ALLOWED.includes(endpoint.path))) {
      for (const method of endpoint.methods.map((m) => (m === "*" ? "POST" : m))) {
        for (const path of [endpoint.path, `${endpoint.path}/`]) {
          const response = await send(path, { method, body: method === "GET" ? undefined : {} });
          if (response.status !== 404) answered.push(`${method} ${path} (${endpoint.name}): ${response.status}`);
        }
      }
    }
    expect(answered).toEqual([]);
    // The kept ones still answer.
    expect((await send("/get-session")).status).toBe(200);
  });
});

describe("the server log", () => {
  it("cannot be given a forged line or a terminal escape through a rejected callbackURL", async () => {
    const written: string[] = [];
    const spies = (["log", "info", "warn", "error", "debug"] as const).map((level) =>
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void written.push(format(...args))),
    );
    try {
      const answer = await askForLink(
        OWNER,
        "https://evil.example/x\n[FORGED] 2026-12-06T09:00:00Z INFO owner signed in \u001b[31mred\u001b[0m",
      );
      await settled();
      expect(answer.status).toBe(403);
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
    const output = written.join("\n");
    expect(output).toContain("FORGED"); // it was logged, escaped
    for (const line of output.split(/\r\n|\r|\n/)) expect(line.trimStart()).not.toMatch(/^\[FORGED\]/);
    expect(output).not.toContain("\u001b");
  });
});
