/** A lead's reference as the desk receives it, from a form field or a link, checked against the one pattern. */
import { z } from "zod";
import { REFERENCE_PATTERN } from "@/lib/quotes/reference";

/** Any case and spaces around are accepted; the value out is the stored form (FS-2026-7KQ4MZ). */
export const leadReference = z
  .string({ error: "A lead reference is missing." })
  .trim()
  .toUpperCase()
  .regex(REFERENCE_PATTERN, { error: "That is not a lead reference." });

/** The reference in its stored form, or null when the value is not one (nothing to look up). */
export function parseLeadReference(value: unknown): string | null {
  const parsed = leadReference.safeParse(value);
  return parsed.success ? parsed.data : null;
}
