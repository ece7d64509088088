import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * A signed token issued when the form is rendered: when it was issued plus a random nonce,
 * signed with FORM_SECRET. It proves how long the visitor had the form, cannot be forged or
 * back-dated, and identifies one rendering of the form so a resubmission is recognised.
 */
const VERSION = "v1";

function sign(payload: string, secret: string): string {
  return createHmac("sha256", `form-token:${secret}`).update(payload).digest("base64url");
}

export function issueFormToken(secret: string, now: Date = new Date()): string {
  const payload = `${VERSION}.${now.getTime().toString(36)}.${randomBytes(12).toString("base64url")}`;
  return `${payload}.${sign(payload, secret)}`;
}

export type TokenCheck =
  | { ok: true; ageSeconds: number }
  | { ok: false; reason: "missing" | "malformed" | "bad-signature" | "from-the-future" | "expired" };

export function verifyFormToken(
  token: string | undefined,
  secret: string,
  maxAgeHours: number,
  now: Date = new Date(),
): TokenCheck {
  if (!token) return { ok: false, reason: "missing" };
  const parts = token.split(".");
  if (parts.length !== 4 || parts[0] !== VERSION || token.length > 200) return { ok: false, reason: "malformed" };
  const payload = parts.slice(0, 3).join(".");
  const expected = Buffer.from(sign(payload, secret));
  const given = Buffer.from(parts[3]!);
  if (expected.length !== given.length || !timingSafeEqual(expected, given))
    return { ok: false, reason: "bad-signature" };
  const issuedAt = new Date(parseInt(parts[1]!, 36));
  if (Number.isNaN(issuedAt.getTime())) return { ok: false, reason: "malformed" };
  const ageSeconds = (now.getTime() - issuedAt.getTime()) / 1000;
  if (ageSeconds < -60) return { ok: false, reason: "from-the-future" };
  if (ageSeconds > maxAgeHours * 3600) return { ok: false, reason: "expired" };
  return { ok: true, ageSeconds };
}
