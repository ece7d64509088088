import { createHmac, randomBytes } from "node:crypto";
import { isIP } from "node:net";

/** Headers stamped by lib/server-start.ts from the socket, before Next fills in X-Forwarded-For. */
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

/** The client address of a request from its headers, using the stamps when this process wrote them. */
export function clientIpFromHeaders(headers: { get(name: string): string | null }, trustedHops: number): string | null {
  const peer = readStamp(headers.get(PEER_HEADER));
  if (peer !== undefined)
    return clientIp({ peer, forwardedFor: readStamp(headers.get(ORIGINAL_XFF_HEADER)) ?? "", trustedHops });
  // Not stamped (e.g. the development server): Next.js set X-Forwarded-For to the peer unless the
  // client sent one, so only a configured proxy chain makes it meaningful.
  return trustedHops > 0
    ? clientIp({ forwardedFor: headers.get("x-forwarded-for"), trustedHops: trustedHops - 1 })
    : null;
}

/**
 * The client's address: the TCP peer, or, behind `trustedHops` proxies, the entry that the
 * outermost trusted proxy appended to X-Forwarded-For. Entries further left were written by
 * the client and are ignored, so a forged header gains nothing.
 */
export function clientIp(input: {
  peer?: string | null;
  forwardedFor?: string | null;
  trustedHops: number;
}): string | null {
  const chain = (input.forwardedFor ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
  if (input.peer) chain.push(input.peer);
  // A chain shorter than the proxies configured did not pass through them all: the nearest hop is all we know.
  const candidate = chain[chain.length - 1 - input.trustedHops] ?? chain[chain.length - 1];
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

/**
 * A salted one-way hash of the address; the address itself is never stored. IPv6 addresses are
 * keyed by their /64 network (one subscriber's block), and an unknown address shares one bucket,
 * so neither can be used to step around the per-address limit.
 */
export function hashIp(ip: string | null, secret: string): string {
  const key = ip === null ? "unknown" : isIP(ip) === 6 ? ipv6Prefix64(ip) : ip;
  return createHmac("sha256", `ip-hash:${secret}`).update(key).digest("hex");
}

function ipv6Prefix64(address: string): string {
  const [head = "", tail = ""] = address.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = address.includes("::")
    ? [...left, ...Array(8 - left.length - right.length).fill("0"), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((group) => parseInt(group || "0", 16).toString(16))
    .join(":")}::/64`;
}
