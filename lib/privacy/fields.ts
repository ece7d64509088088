// First: the privacy form (a client component) makes its schema in the browser.
import "@/lib/zod-jitless";
import { z } from "zod";
import { LIMITS as QUOTE_LIMITS } from "@/lib/quotes/fields";

/** What a person may ask under POPIA through the form. A correction is answered by erasure and a new request. */
export const PRIVACY_KINDS = ["access", "correction", "deletion"] as const;
export type PrivacyKind = (typeof PRIVACY_KINDS)[number];

/** The form's fields, in order. Anything else posted is ignored. */
export const PRIVACY_FIELDS = ["email", "kind", "details"] as const;
export type PrivacyField = (typeof PRIVACY_FIELDS)[number];
export type PrivacyValues = Partial<Record<PrivacyField, string>>;
export type PrivacyFieldErrors = Partial<Record<PrivacyField, string[]>>;

export const PRIVACY_LIMITS = { email: QUOTE_LIMITS.email, details: { max: 1000 } } as const;

/** The trap field of this form: hidden from people, so anything typed into it marks a bot. */
export const PRIVACY_HONEYPOT_FIELD = "hp_p3q";

/** How long the mailed confirmation link works; an unconfirmed request is deleted after it. */
export const PRIVACY_CONFIRM_HOURS = 24;

/** Requests naming one address in a day: beyond it nothing is stored or mailed (nobody can flood a mailbox). */
export const PRIVACY_REQUESTS_PER_ADDRESS_PER_DAY = 3;

export const privacySchema = z.object({
  email: z
    .string({ error: "Enter your email address." })
    .trim()
    .max(PRIVACY_LIMITS.email.max, { error: "That address is too long." })
    .pipe(z.email({ error: "Enter an email address such as name@example.com." })),
  kind: z.enum(PRIVACY_KINDS, { error: "Choose what you would like us to do." }),
  details: z
    .string()
    .trim()
    .max(PRIVACY_LIMITS.details.max, { error: `Keep it under ${PRIVACY_LIMITS.details.max} characters.` })
    .optional()
    .transform((value) => (value ? value : null)),
});

export type PrivacyInput = z.infer<typeof privacySchema>;
