import { createHmac } from "node:crypto";
import { isIP } from "node:net";

/** Headers stamped by instrumentation.ts from the socket, before Next fills in X-Forwarded-For. */
export const PEER_HEADER = "x-fsdev-peer-address";
export const ORIGINAL_XFF_HEADER = "x-fsdev-original-xff";

/**
 * The client's address: the TCP peer, or, behind `trustedHops` proxies, the entry that the
 * outermost trusted proxy appended to X-Forwarded-For. Entries further left were written by
 * the client and are ignored, so a forged header gains nothing.
 */
export function clientIp(input: { peer?: string | null; forwardedFor?: string | null; trustedHops: number }): string | null {
  const chain = (input.forwardedFor ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
  if (input.peer) chain.push(input.peer);
  const candidate = chain[chain.length - 1 - input.trustedHops] ?? chain[0];
  if (!candidate) return null;
  const address = normalise(candidate);
  return isIP(address) ? address : null;
}

function normalise(address: string): string {
  let value = address;
  if (/^\[.*\](:\d+)?$/.test(value)) value = value.slice(1, value.indexOf("]"));
  else if (/^\d+\.\d+\.\d+\.\d+:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(":"));
  if (value.startsWith("::ffff:") && isIP(value.slice(7)) === 4) value = value.slice(7);
  return value.toLowerCase();
}

/** A salted one-way hash of the address; the address itself is never stored. */
export function hashIp(ip: string | null, secret: string): string | null {
  return ip ? createHmac("sha256", `ip-hash:${secret}`).update(ip).digest("hex") : null;
}
