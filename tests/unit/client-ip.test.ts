import { describe, expect, it } from "vitest";
import { ORIGINAL_XFF_HEADER, PEER_HEADER, readStamp, stampValue } from "@/lib/server/peer-stamp";
import { clientIp, clientIpFromHeaders, hashIp } from "@/lib/quotes/client-ip";

const headers = (entries: Record<string, string>) => new Headers(entries);
const SECRET = "client-ip-test-secret-0123456789-abcdef";

describe("the client address", () => {
  it("with no proxy, is the TCP peer whatever X-Forwarded-For says", () => {
    expect(clientIp({ peer: "203.0.113.9", forwardedFor: "1.2.3.4, 5.6.7.8", trustedHops: 0 })).toBe("203.0.113.9");
  });

  it("behind one proxy, is the entry that proxy appended; entries the client wrote are ignored", () => {
    // The client forged "1.2.3.4"; the proxy appended the real client 198.51.100.7; the peer is the proxy.
    expect(clientIp({ peer: "10.0.0.2", forwardedFor: "1.2.3.4, 198.51.100.7", trustedHops: 1 })).toBe("198.51.100.7");
  });

  it("behind two proxies, skips both", () => {
    expect(clientIp({ peer: "10.0.0.3", forwardedFor: "6.6.6.6, 198.51.100.8, 10.0.0.2", trustedHops: 2 })).toBe(
      "198.51.100.8",
    );
  });

  it("falls back to the nearest hop when a request bypassed the proxies", () => {
    expect(clientIp({ peer: "198.51.100.9", forwardedFor: "", trustedHops: 2 })).toBe("198.51.100.9");
  });

  it("normalises ports, brackets and IPv4-mapped IPv6; rejects garbage", () => {
    expect(clientIp({ peer: "::ffff:192.0.2.1", trustedHops: 0 })).toBe("192.0.2.1");
    expect(clientIp({ forwardedFor: "[2001:db8::1]:443", trustedHops: 0 })).toBe("2001:db8::1");
    expect(clientIp({ forwardedFor: "192.0.2.5:8080", trustedHops: 0 })).toBe("192.0.2.5");
    expect(clientIp({ forwardedFor: "unknown", trustedHops: 0 })).toBeNull();
  });
});

describe("stamped headers", () => {
  it("trust only values this process stamped", () => {
    const stamped = stampValue("203.0.113.50");
    expect(readStamp(stamped)).toBe("203.0.113.50");
    expect(readStamp("203.0.113.50")).toBeUndefined();
    expect(readStamp(`forged ${"203.0.113.50"}`)).toBeUndefined();
  });

  it("a client sending the stamp header names gains nothing", () => {
    const forged = headers({
      [PEER_HEADER]: "1.1.1.1",
      [ORIGINAL_XFF_HEADER]: "2.2.2.2",
      "x-forwarded-for": "3.3.3.3",
    });
    expect(clientIpFromHeaders(forged, 0)).toBeNull();
    const real = headers({
      [PEER_HEADER]: stampValue("203.0.113.60"),
      [ORIGINAL_XFF_HEADER]: stampValue("9.9.9.9"),
      "x-forwarded-for": "9.9.9.9",
    });
    expect(clientIpFromHeaders(real, 0)).toBe("203.0.113.60");
    expect(clientIpFromHeaders(real, 1)).toBe("9.9.9.9");
  });
});

describe("the stored hash", () => {
  it("is salted, and never the address", () => {
    expect(hashIp("192.0.2.1", SECRET)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashIp("192.0.2.1", SECRET)).not.toBe(hashIp("192.0.2.1", `${SECRET}-other`));
    expect(hashIp("192.0.2.1", SECRET)).not.toBe(hashIp("192.0.2.2", SECRET));
  });

  it("keys IPv6 by its /64, so one subscriber cannot rotate addresses around the limit", () => {
    expect(hashIp("2001:db8:1:2::1", SECRET)).toBe(hashIp("2001:db8:1:2:ffff:ffff:ffff:ffff", SECRET));
    expect(hashIp("2001:db8:1:2::1", SECRET)).toBe(hashIp("2001:0db8:0001:0002:0:0:0:9", SECRET));
    expect(hashIp("2001:db8:1:2::1", SECRET)).not.toBe(hashIp("2001:db8:1:3::1", SECRET));
  });

  it("puts unknown addresses in one shared bucket", () => {
    expect(hashIp(null, SECRET)).toBe(hashIp(null, SECRET));
    expect(hashIp(null, SECRET)).toMatch(/^[0-9a-f]{64}$/);
  });
});
