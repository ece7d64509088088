import { randomInt } from "node:crypto";

// Crockford's base32 without I, L, O and U: easy to read aloud and to type from an email.
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** A public reference such as FS-2026-7KQ4MZ: unguessable, and it says nothing about volume. */
export function newReference(now: Date = new Date()): string {
  let code = "";
  for (let i = 0; i < 6; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return `FS-${now.getUTCFullYear()}-${code}`;
}

export const REFERENCE_PATTERN = /^FS-\d{4}-[0-9A-HJKMNP-TV-Z]{6}$/;
