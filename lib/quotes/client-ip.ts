import { createHmac } from "node:crypto";
import ipaddr from "ipaddr.js";
import { ORIGINAL_XFF_HEADER, PEER_HEADER, readStamp } from "@/lib/server/peer-stamp";

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
  return normalise(candidate);
}

/** The bare address of a chain entry ("[v6]:port" and "v4:port" lose the port; IPv4-mapped IPv6 becomes IPv4). */
function normalise(entry: string): string | null {
  const value = entry.replace(/^\[(.*)\](:\d+)?$/, "$1").replace(/^(\d+\.\d+\.\d+\.\d+):\d+$/, "$1");
  const valid = ipaddr.IPv4.isValidFourPartDecimal(value) || ipaddr.IPv6.isValid(value);
  return valid ? ipaddr.process(value).toString() : null;
}

/**
 * A salted one-way hash of the address; the address itself is never stored. IPv6 addresses are
 * keyed by their /64 network (one subscriber's block, e.g. "2001:db8:1:2::/64"), and an unknown address
 * shares one bucket, so neither can be used to step around the per-address limit.
 */
export function hashIp(ip: string | null, secret: string): string {
  const v6 = ip !== null && ipaddr.IPv6.isValid(ip) ? ipaddr.IPv6.parse(ip).parts.slice(0, 4) : null;
  const key = ip === null ? "unknown" : v6 ? `${v6.map((part) => part.toString(16)).join(":")}::/64` : ip;
  return createHmac("sha256", `ip-hash:${secret}`).update(key).digest("hex");
}
