import { createHash, timingSafeEqual } from "node:crypto";

/**
 * Whether an `Authorization: Bearer <token>` header carries the secret. Both sides are hashed first, so the
 * comparison takes the same time whatever the token's length or content.
 */
export function bearerMatches(authorization: string | null, secret: string): boolean {
  const token = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "")?.[1] ?? "";
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(token), digest(secret)) && token.length > 0;
}
