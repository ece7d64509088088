// Bodies that stall half-way count against the guard's cap on held posts (lib/server/body-guard.ts): each one
// holds up to 64 KB in memory, so a client opening thousands of them must get 503s instead of the server's memory.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, expect, it } from "vitest";
import { createBodyGuard } from "@/lib/server/body-guard";
import { rawPost } from "../helpers/raw-http";
import { until as waitUntil } from "../helpers/pace";

const servers: http.Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

const until = (check: () => boolean) =>
  waitUntil(check, { what: "the guard's state", timeoutMs: 5_000, intervalMs: 10 });

it("answers 503 beyond the cap while stalled bodies hold every place, and takes posts once they go", async () => {
  const CAP = 3;
  const guard = createBodyGuard({
    maxBytes: 64_000,
    maxWaitingPosts: CAP,
    refusal: () => ({ html: "<h1>too large</h1>", headers: {} }),
    busy: () => ({ html: "<h1>busy</h1>", headers: {} }),
  });
  const handled: string[] = [];
  const server = http.createServer((request, response) =>
    guard(request, response, () => {
      request.resume();
      request.on("end", () => {
        handled.push(request.url!);
        response.end("done");
      });
    }),
  );
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  const bodies = new Set<http.IncomingMessage>();
  server.on("request", (request: http.IncomingMessage) => bodies.add(request));
  const post = (path: string, opts: { stallAfterBytes?: number; waitMs?: number } = {}) =>
    rawPost({ port, path, headers: {}, head: Buffer.alloc(0), fillerBytes: 64_000, ...opts });

  // CAP clients each send half of a 64,000-byte body, then stall (and give up after 1.5 s).
  const stalled = Array.from({ length: CAP }, (_, i) =>
    post(`/stalled-${i}`, { stallAfterBytes: 32_000, waitMs: 1_500 }),
  );
  await until(() => bodies.size === CAP);
  const beyond = await post("/beyond", { waitMs: 1_000 });
  expect(beyond.status).toBe(503);
  expect(beyond.body).toBe("<h1>busy</h1>");
  expect(beyond.headers["retry-after"]).toBe("60");
  expect(handled).toEqual([]);

  // Once the stalled clients have gone, their places are free again.
  for (const answer of await Promise.all(stalled)) expect(answer.status).toBeNull();
  const after = await post("/after");
  expect(after.status).toBe(200);
  expect(handled).toEqual(["/after"]);
});
