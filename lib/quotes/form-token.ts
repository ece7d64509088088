import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * A signed token issued when the form is rendered: when it was issued plus a random nonce,
 * signed with FORM_SECRET. It proves how long the visitor had the form, cannot be forged or
 * back-dated, and identifies one rendering of the form so a resubmission is recognised.
 *
 * A replacement token (issued when a post came without a token, or with an expired one) also carries a
 * digest of the values that post held: the same values sent again are the person following the page's
 * own "send again", and skip the minimum-time check (lib/quotes/submit.ts).
 */
const VERSION = "v1";
const REPLACEMENT = "r1";

function sign(payload: string, secret: string): string {
  return createHmac("sha256", `form-token:${secret}`).update(payload).digest("base64url");
}

export function issueFormToken(secret: string, now: Date = new Date(), boundTo?: string): string {
  const head = `${now.getTime().toString(36)}.${randomBytes(12).toString("base64url")}`;
  const payload = boundTo === undefined ? `${VERSION}.${head}` : `${REPLACEMENT}.${head}.${boundTo}`;
  return `${payload}.${sign(payload, secret)}`;
}

export type TokenCheck =
  | { ok: true; ageSeconds: number; boundTo?: string }
  | { ok: false; reason: "missing" | "malformed" | "bad-signature" | "from-the-future" | "expired" };

export function verifyFormToken(
  token: string | undefined,
  secret: string,
  maxAgeHours: number,
  now: Date = new Date(),
): TokenCheck {
  if (!token) return { ok: false, reason: "missing" };
  const parts = token.split(".");
  const size = parts[0] === VERSION ? 4 : parts[0] === REPLACEMENT ? 5 : 0;
  if (parts.length !== size || token.length > 200) return { ok: false, reason: "malformed" };
  const payload = parts.slice(0, -1).join(".");
  const expected = Buffer.from(sign(payload, secret));
  const given = Buffer.from(parts.at(-1)!);
  if (expected.length !== given.length || !timingSafeEqual(expected, given))
    return { ok: false, reason: "bad-signature" };
  const issuedAt = new Date(parseInt(parts[1]!, 36));
  if (Number.isNaN(issuedAt.getTime())) return { ok: false, reason: "malformed" };
  const ageSeconds = (now.getTime() - issuedAt.getTime()) / 1000;
  if (ageSeconds < -60) return { ok: false, reason: "from-the-future" };
  if (ageSeconds > maxAgeHours * 3600) return { ok: false, reason: "expired" };
  return size === 5 ? { ok: true, ageSeconds, boundTo: parts[3]! } : { ok: true, ageSeconds };
}
