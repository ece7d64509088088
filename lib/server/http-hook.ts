/**
 * The one hook this app puts into Node's HTTP server, installed once at start-up (lib/server/start.ts).
 *
 * `next start` gives the app no access to its `http.Server`: no socket address in route code and no say
 * before Next.js starts buffering a request's body. So every request passes through here first, by wrapping
 * `http.Server.prototype.emit` for the "request" and "connection" events:
 *  1. the peer stamp (lib/server/peer-stamp.ts): the TCP peer address and the X-Forwarded-For the request
 *     arrived with, for lib/quotes/client-ip.ts;
 *  2. the body guard (lib/server/body-guard.ts): bodies over the limit refused at the socket, posts taken in
 *     turns, shorter header and request timeouts than Node's; each complete body passes through `revise`
 *     (the start-up passes lib/server/outdated-action.ts's: a quote form from an older build keeps its post).
 *
 * nginx (lib/ops/nginx-site.conf) does much of (2) when it stands in front, but the one-machine default has
 * no proxy at all: `npm start` faces the visitors itself, so the app must defend its own door.
 */
import http, { type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { applyServerTimeouts, createBodyGuard, type BodyLimit, type ReviseBody } from "./body-guard";
import { stampPeer } from "./peer-stamp";

const INSTALLED = Symbol.for("fsdev.http-hook");

export function installHttpHook(limit: BodyLimit, revise?: ReviseBody): void {
  const proto = http.Server.prototype as unknown as Record<symbol, boolean> & { emit: Server["emit"] };
  if (proto[INSTALLED]) return;
  proto[INSTALLED] = true;
  const emit = proto.emit;
  const guard = createBodyGuard(limit, revise);
  proto.emit = function (this: Server, event: string | symbol, ...args: unknown[]) {
    if (event === "connection") applyServerTimeouts(this);
    if (event !== "request") return Reflect.apply(emit, this, [event, ...args]) as boolean;
    const [request, response] = args as [IncomingMessage, ServerResponse];
    stampPeer(request);
    guard(request, response, () => Reflect.apply(emit, this, [event, ...args]));
    return true;
  } as Server["emit"];
}
