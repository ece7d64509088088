/**
 * Server plumbing: the TCP peer address and the original X-Forwarded-For of each request, stamped onto its
 * headers where the app can read them (`next start` gives route code no access to the socket).
 */
import type { IncomingMessage } from "node:http";
import { randomBytes } from "node:crypto";

/** Headers stamped from the socket by stampPeerAddress, before Next fills in X-Forwarded-For. */
export const PEER_HEADER = "x-fsdev-peer-address";
export const ORIGINAL_XFF_HEADER = "x-fsdev-original-xff";

const NONCE = Symbol.for("fsdev.peer-stamp-nonce");
const holder = globalThis as unknown as Record<symbol, string | undefined>;

/**
 * Stamps carry a random value known only to this process, so a client that sends headers with
 * the same names cannot pass them off as the server's own.
 */
export function stampValue(value: string): string {
  holder[NONCE] ??= randomBytes(16).toString("hex");
  return `${holder[NONCE]} ${value}`;
}

/** The stamped value, or undefined when the header is missing or was not written by this process. */
export function readStamp(header: string | null | undefined): string | undefined {
  const nonce = holder[NONCE];
  if (!nonce || !header?.startsWith(`${nonce} `)) return undefined;
  return header.slice(nonce.length + 1);
}

/**
 * Records the request's TCP peer address and the X-Forwarded-For it arrived with, before Next.js fills
 * X-Forwarded-For in when it is missing; lib/quotes/client-ip.ts reads these. Values a client sends under
 * the same names are overwritten, and carry no valid stamp anyway. Called by lib/server/http-hook.ts.
 */
export function stampPeer(request: IncomingMessage): void {
  request.headers[PEER_HEADER] = stampValue(request.socket?.remoteAddress ?? "");
  const forwarded = request.headers["x-forwarded-for"];
  request.headers[ORIGINAL_XFF_HEADER] = stampValue(Array.isArray(forwarded) ? forwarded.join(",") : (forwarded ?? ""));
}
