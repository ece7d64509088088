/**
 * What identifies a submission without storing what identifies a person: the keyed digest a replacement token is
 * bound to, the keyed hash of the form token each lead keeps, and the key that recognises the same form sent twice.
 */
import { createHash, createHmac } from "node:crypto";
import type { QuoteInput } from "./schema";

/** A keyed digest of the validated values, for the replacement token (it travels in the visitor's cookie). */
export function valuesDigest(input: QuoteInput, secret: string): string {
  return createHmac("sha256", `form-values:${secret}`).update(JSON.stringify(input)).digest("base64url");
}

/** Which form token a lead came with, keyed (the token itself is never stored). */
export function formTokenHashOf(formToken: string, secret: string): string {
  return createHmac("sha256", `form-token-id:${secret}`).update(formToken).digest("base64url");
}

/** The same rendering of the form sent again with the same values. */
export function submissionKeyOf(formToken: string, input: QuoteInput): string {
  return createHash("sha256").update(formToken).update("\n").update(JSON.stringify(input)).digest("hex");
}
