/**
 * FORM_SECRET's checks: it signs form tokens and sessions and keys the IP hash, so in production it must be
 * neither the development default, nor .env.example's placeholder, nor easy to guess.
 */
import { plural } from "@/lib/text/plural";

/** The default outside production, refused in production. */
export const DEV_SECRET = "dev-only-secret-do-not-use-in-production-0123456789";
/** FORM_SECRET's value in .env.example (a test checks that the two agree). */
const EXAMPLE_SECRET = "change-me-to-a-long-random-string-of-32-or-more-characters";
/** How to make a good one, named in the error. */
export const GENERATE_SECRET =
  "generate one with: node -e \"console.log(require('crypto').randomBytes(32).toString('base64url'))\"";

/**
 * Why a secret is too weak to sign form tokens and key the IP hash, or null. The secret itself is never
 * part of the message. A generated secret (32 random bytes in base64url or hex) passes every rule.
 */
export function secretWeakness(secret: string): string | null {
  if (secret === EXAMPLE_SECRET || /change[-_ ]?me/i.test(secret))
    return "is the placeholder from .env.example, not a secret";
  const distinct = new Set(secret).size;
  if (distinct < 10)
    return `has only ${plural(distinct, "different character", "different characters")}, so it is easy to guess`;
  if (/^(.+?)\1+$/s.test(secret)) return "repeats a shorter pattern, so it is easy to guess";
  return null;
}
