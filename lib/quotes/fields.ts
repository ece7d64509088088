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

/** The trap field: hidden from people, so anything typed into it marks a bot. */
export const HONEYPOT_FIELD = "hp_a7k";

/** Campaign tags carried from the landing URL to the stored request (one column each). */
export const UTM_KEYS = ["utm_source", "utm_medium", "utm_campaign", "utm_term", "utm_content"] as const;
export type UtmKey = (typeof UTM_KEYS)[number];
export type UtmColumn<K extends UtmKey = UtmKey> = K extends `utm_${infer Tag}` ? `utm${Capitalize<Tag>}` : never;

/** The stored column of a UTM tag: utm_source -> utmSource. */
export function utmColumn<K extends UtmKey>(key: K): UtmColumn<K> {
  return key.replace(/_(\w)/, (_, letter: string) => letter.toUpperCase()) as UtmColumn<K>;
}

/** Where a visit came from: the referring page and the campaign tags (lib/quotes/form-cookie.ts carries them). */
export const CONTEXT_FIELDS = ["referrerPath", ...UTM_KEYS] as const;

/** Fields the pipeline reads besides the visitor's own. Anything else posted is ignored. */
export const META_FIELDS = ["formToken", HONEYPOT_FIELD, ...CONTEXT_FIELDS] as const;

/** The interest value of a service or product, as the form's select and the quote links carry it. */
export function interestValue(kind: "service" | "product", slug: string): string {
  return `${kind}:${slug}`;
}

/** A site-relative path of ordinary characters (the page a request came from), or null. */
export function cleanSourcePath(path: string | undefined): string | null {
  if (!path || !/^\/(?!\/)[\w\-./~%]{0,200}$/.test(path)) return null;
  return path;
}
