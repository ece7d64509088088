import type { IncomingMessage, Server, ServerResponse } from "node:http";
import type { Socket } from "node:net";

/**
 * Request bodies over the limit are refused at the socket, before Next.js sees the request.
 *
 * Next.js cannot do this itself: it hands the proxy (proxy.ts) a copy of the body and, whatever the
 * proxy answers, waits for the original body to end before it writes the answer
 * (`await requestData.body.finalize()` in next/dist/server/next-server.js; `finalize` awaits the
 * request's 'end'). It also buffers up to `experimental.proxyClientMaxBodySize` (10 MB by default) of
 * each body for that copy. So a 25 MB post was read to the end before its 413, and a chunked post
 * (no Content-Length for the proxy to check) reached the server action and failed there with a 500.
 *
 * Here, a declared Content-Length over the limit is answered at once; any other body is held (at most
 * `maxBytes`) until it has ended, then handed to Next.js when its turn comes (see MAX_ACTIVE_POSTS), or
 * answered as soon as it passes the limit. A refusal stops reading and closes the connection. A complete body
 * passes through `revise` on its way (lib/server/outdated-action.ts).
 * lib/server/http-hook.ts puts the guard in front of Next.js.
 */

/** The whole request (headers and body) must arrive within this; Node's default is 300 s. */
export const REQUEST_TIMEOUT_MS = 30_000;
/** The headers alone; Node's default is 60 s. */
export const HEADERS_TIMEOUT_MS = 20_000;
/**
 * After a refusal the server stops reading and keeps the connection this long before destroying it:
 * destroying at once, with the client still sending, resets the connection, and the client would
 * lose the answer with it (nginx's "lingering close" exists for the same reason). Not reading means
 * the rest of the body costs nothing: the client's sends stall once the socket buffers are full.
 */
const LINGER_MS = 2_000;

/**
 * Requests with a body (form posts) handed to Next.js at once; more wait their turn, bodies complete.
 * A post costs a server action and a page render; a flood of them would otherwise all run at once and
 * page loads would wait behind every one. Requests without a body (page loads) never wait here.
 */
export const MAX_ACTIVE_POSTS = 4;
/**
 * Posts held here at once, their bodies still arriving or complete and waiting their turn; beyond this a post
 * is answered 503 at once. Each holds up to maxBytes, so this bounds the memory the guard can be made to hold:
 * a body that stalls half-way counts from its first byte until it ends, is refused or its client goes.
 */
export const MAX_WAITING_POSTS = 500;

export type Page = { html: string; headers: Record<string, string> };

export type BodyLimit = {
  maxBytes: number;
  /** Defaults: MAX_ACTIVE_POSTS and MAX_WAITING_POSTS. */
  maxActivePosts?: number;
  maxWaitingPosts?: number;
  /** The 413 answer: a polite page and the headers every response carries. */
  refusal: () => Page;
  /** The 503 answer when too many posts are held (arriving or waiting). */
  busy: () => Page;
};

/** Node's server timeouts may be changed after the server started; its connection check reads them. */
export function applyServerTimeouts(server: Server): void {
  if (server.requestTimeout === REQUEST_TIMEOUT_MS) return;
  server.headersTimeout = HEADERS_TIMEOUT_MS;
  server.requestTimeout = REQUEST_TIMEOUT_MS;
}

export type BodyGuard = (request: IncomingMessage, response: ServerResponse, forward: () => void) => void;

/** Sees a request's whole body once it is in, before Next.js does; what it returns is what Next.js reads. */
export type ReviseBody = (request: IncomingMessage, body: Buffer) => Buffer;

/**
 * A guard that calls `forward` (hand the request to Next.js) at once for a request without a body; for one
 * with a body, once the whole body is in (at most `maxBytes`) and it is its turn. Otherwise it answers itself:
 * 413 over the limit, 503 when too many posts already wait.
 */
export function createBodyGuard(limit: BodyLimit, revise: ReviseBody = (_, body) => body): BodyGuard {
  const maxActive = limit.maxActivePosts ?? MAX_ACTIVE_POSTS;
  const maxHeld = limit.maxWaitingPosts ?? MAX_WAITING_POSTS;
  // `held`: posts taken in and not yet handed on or given up, whether their body is still arriving or complete.
  const posts = { active: 0, held: 0, waiting: [] as (() => void)[] };

  const takeTurn = (request: IncomingMessage, response: ServerResponse, forward: () => void, letGo: () => void) => {
    const run = () => {
      letGo();
      // A client that gave up while waiting is not worth a render.
      if (request.socket.destroyed) return posts.waiting.shift()?.();
      posts.active += 1;
      response.once("close", () => {
        posts.active -= 1;
        posts.waiting.shift()?.();
      });
      forward();
    };
    if (posts.active < maxActive) return run();
    posts.waiting.push(run);
  };

  return (request, response, forward) => {
    const chunked = request.headers["transfer-encoding"] !== undefined;
    const declared = Number(request.headers["content-length"] ?? 0);
    if (!chunked && declared > limit.maxBytes) return refuse(request, response, 413, limit.refusal());
    if (!chunked && !(declared > 0)) return forward();
    if (posts.held >= maxHeld) return refuse(request, response, 503, limit.busy(), { "retry-after": "60" });
    posts.held += 1;
    let counted = true;
    const letGo = () => {
      if (!counted) return;
      counted = false;
      posts.held -= 1;
      request.socket.off("close", letGo);
    };
    // A client that goes while its body is still arriving (or while it waits) frees its place.
    request.socket.once("close", letGo);
    holdBody(request, response, limit, revise, letGo, () => takeTurn(request, response, forward, letGo));
  };
}

type Pushable = { push: (chunk: Buffer | null) => boolean; _dump?: () => void };

/**
 * Node's HTTP parser delivers each piece of the body with `request.push(chunk)` and the end with
 * `request.push(null)`. Until the end, the pieces are kept here (nobody reads the request yet), so the
 * total can be checked before anyone buffers or parses the body, and a slow body holds no turn.
 */
function holdBody(
  request: IncomingMessage,
  response: ServerResponse,
  limit: BodyLimit,
  revise: ReviseBody,
  letGo: () => void,
  forward: () => void,
) {
  const own = request as unknown as Pushable;
  const push = own.push;
  const held: Buffer[] = [];
  let size = 0;
  own.push = (chunk) => {
    if (chunk === null) {
      delete (own as Partial<Pushable>).push;
      const whole = Buffer.concat(held);
      let revised: Buffer = whole;
      try {
        revised = revise(request, whole);
      } catch {
        // A reviser's mistake must not hang the request: Next.js reads the body as it came.
      }
      push.call(request, revised);
      const result = push.call(request, null);
      forward();
      return result;
    }
    size += chunk.length;
    if (size > limit.maxBytes) {
      held.length = 0;
      letGo();
      refuse(request, response, 413, limit.refusal());
      return false;
    }
    held.push(chunk);
    return true;
  };
}

/** Answers without reading the body (413 too large, 503 too many posts held), then closes the connection. */
function refuse(
  request: IncomingMessage,
  response: ServerResponse,
  status: 413 | 503,
  page: Page,
  extra: Record<string, string> = {},
) {
  // Stop reading the body: whatever the parser still delivers is dropped, and `false` makes it stop
  // reading the socket. Node would resume reading (to drop the rest) once the answer is written; the
  // no-op _dump keeps it from doing so.
  const own = request as unknown as Pushable;
  own.push = () => false;
  own._dump = () => {};
  const socket = request.socket as Socket & { destroySoon?: () => void };
  // `Connection: close` makes Node call destroySoon() once the answer is written: half-close instead,
  // so the answer and a FIN go out, and destroy the socket a little later.
  socket.destroySoon = () => {
    socket.end();
    setTimeout(() => socket.destroy(), LINGER_MS).unref();
  };
  answer(response, status, page, { ...extra, connection: "close" });
}

function answer(response: ServerResponse, status: 413 | 503, page: Page, extra: Record<string, string>) {
  response.writeHead(status, {
    ...page.headers,
    "content-type": "text/html; charset=utf-8",
    "content-length": Buffer.byteLength(page.html),
    "cache-control": "no-store",
    ...extra,
  });
  response.end(page.html);
}
