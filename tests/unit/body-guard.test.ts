// The body guard in front of a plain Node HTTP server on a real socket (the same hook `next start` gets
// through lib/server/http-hook.ts): what reaches the handler, what is refused, and in what order posts get in.
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createBodyGuard, type BodyLimit } from "@/lib/server/body-guard";
import { until as waitUntil } from "../helpers/pace";
import { rawPost } from "../helpers/raw-http";

type Arrival = { method: string; path: string; body: string; response: ServerResponse };

const servers: http.Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

/** A server whose handler records each request it is given; GETs answer at once, posts when `release`d. */
async function guarded(limit: Partial<BodyLimit> = {}) {
  const guard = createBodyGuard({
    maxBytes: 1024,
    refusal: () => ({ html: "<h1>too large</h1>", headers: { "x-guard": "413" } }),
    busy: () => ({ html: "<h1>busy</h1>", headers: {} }),
    ...limit,
  });
  const arrivals: Arrival[] = [];
  const handler = (request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      arrivals.push({ method: request.method!, path: request.url!, body: Buffer.concat(chunks).toString(), response });
      if (request.method === "GET") response.end("page");
    });
  };
  const decided: string[] = [];
  const server = http.createServer((request, response) => {
    guard(request, response, () => handler(request, response));
    afterWholeBody(request, () => decided.push(request.url!));
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  const post = (
    path: string,
    body: string,
    opts: { chunked?: boolean; stallAfterBytes?: number; waitMs?: number } = {},
  ) => rawPost({ port, path, headers: { connection: "close" }, head: Buffer.from(body), fillerBytes: 0, ...opts });
  const release = (path: string) => arrivals.find((arrival) => arrival.path === path)!.response.end("done");
  return { port, arrivals, decided, post, release, paths: () => arrivals.map((arrival) => arrival.path) };
}

/**
 * Calls `then` once the guard holds a post's whole body and has handed it on or queued it: the guard keeps a
 * body by taking over `request.push` (the HTTP parser's way in), so this wraps the guard's own.
 */
function afterWholeBody(request: IncomingMessage, then: () => void) {
  const own = request as unknown as { push: (chunk: Buffer | null) => boolean };
  // No body held (a GET, or refused at once): nothing to wait for.
  if (!Object.hasOwn(own, "push")) return;
  const guardPush = own.push;
  own.push = (chunk) => {
    const result = guardPush.call(request, chunk);
    if (chunk === null) then();
    return result;
  };
}

const until = (check: () => boolean) => waitUntil(check, { what: check.toString(), timeoutMs: 2_000, intervalMs: 10 });

describe("the body guard", () => {
  it("hands bodies within the limit over whole, with and without Content-Length", async () => {
    const { post, arrivals, release } = await guarded();
    const sent = [post("/length", "a".repeat(1024)), post("/chunked", "b".repeat(1000), { chunked: true })];
    await until(() => arrivals.length === 2);
    expect(arrivals.map((arrival) => [arrival.path, arrival.body.length])).toEqual(
      expect.arrayContaining([
        ["/length", 1024],
        ["/chunked", 1000],
      ]),
    );
    release("/length");
    release("/chunked");
    expect((await Promise.all(sent)).map((answer) => answer.status)).toEqual([200, 200]);
  });

  it("refuses a Content-Length over the limit, and a chunked body once it passes it, without the handler", async () => {
    const { post, arrivals } = await guarded();
    const declared = await post("/declared", "x".repeat(2000));
    // The chunked client stops half-way and waits: the answer must not wait for the body's end.
    const chunked = await post("/chunked", "y".repeat(100_000), { chunked: true, stallAfterBytes: 4096 });
    for (const answer of [declared, chunked]) {
      expect(answer.status).toBe(413);
      expect(answer.body).toBe("<h1>too large</h1>");
      expect(answer.headers).toMatchObject({ "x-guard": "413", connection: "close" });
      expect(answer.serverClosed).toBe(true);
    }
    expect(arrivals).toEqual([]);
  });

  it("lets a few posts in at a time; page loads and complete bodies do not wait behind slow ones", async () => {
    const { post, arrivals, decided, release, paths } = await guarded({ maxActivePosts: 2 });
    // Two slow clients: their bodies never finish, so they hold no turn.
    const slow = [1, 2].map((i) => post(`/slow-${i}`, "s".repeat(500), { stallAfterBytes: 100, waitMs: 1_000 }));
    const first = [post("/a", "a"), post("/b", "b")];
    await until(() => arrivals.length === 2);
    const third = post("/c", "c");
    // /c waits while /a and /b are being answered: its whole body is in, and the handler has not got it...
    await until(() => decided.includes("/c"));
    expect(paths().sort()).toEqual(["/a", "/b"]);
    // ...and gets its turn as soon as one of them is done.
    release("/a");
    await until(() => paths().includes("/c"));
    release("/b");
    release("/c");
    expect((await Promise.all([...first, third])).map((answer) => answer.status)).toEqual([200, 200, 200]);
    expect(paths()).not.toContain("/slow-1");
    await Promise.all(slow);
  });

  it("a page load is never queued behind posts", async () => {
    const { port, post, arrivals, release } = await guarded({ maxActivePosts: 1 });
    const busy = post("/busy", "x");
    await until(() => arrivals.length === 1);
    const response = await fetch(`http://127.0.0.1:${port}/page`);
    expect(await response.text()).toBe("page");
    release("/busy");
    expect((await busy).status).toBe(200);
  });

  it("answers 503 at once when too many posts already wait", async () => {
    const { post, arrivals, release } = await guarded({ maxActivePosts: 1, maxWaitingPosts: 1 });
    const held = post("/held", "1");
    await until(() => arrivals.length === 1);
    const waiting = post("/waiting", "2");
    const refused = await post("/refused", "3");
    expect(refused.status).toBe(503);
    expect(refused.body).toBe("<h1>busy</h1>");
    expect(refused.headers["retry-after"]).toBe("60");
    release("/held");
    await until(() => arrivals.length === 2);
    release("/waiting");
    expect((await Promise.all([held, waiting])).map((answer) => answer.status)).toEqual([200, 200]);
  });
});
