/** Fields the visitor fills in, in form order. Anything else posted is ignored. */
export const QUOTE_FIELDS = [
  "name",
  "email",
  "company",
  "phone",
  "interest",
  "budget",
  "timeline",
  "description",
  "consent",
] as const;
export type QuoteField = (typeof QUOTE_FIELDS)[number];

/** Limits shared by the zod rules and the HTML constraints of the form. */
export const LIMITS = {
  name: { min: 2, max: 100 },
  email: { max: 254 },
  company: { max: 120 },
  phone: { min: 6, max: 30 },
  description: { min: 20, max: 5000 },
} as const;

export const PHONE_PATTERN = "[+0-9()\\s.\\-]{6,30}";

/** Largest form post accepted, in bytes; Next's server action body limit uses the same number. */
export const MAX_BODY_BYTES = 64 * 1024;
