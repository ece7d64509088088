import type { ContactFacts } from "./schemas";

/** The contact facts content/site.ts can hold, in the order the site shows them. */
export const CONTACT_KEYS = ["email", "phone", "linkedin", "github"] as const satisfies readonly (keyof ContactFacts)[];

/** The contact facts still empty (a production build prints them, so the owner knows what to fill in). */
export function missingContactFacts(contact: ContactFacts): (typeof CONTACT_KEYS)[number][] {
  return CONTACT_KEYS.filter((key) => !contact[key]);
}

/** A `tel:` URL for a phone number written in international form ("+27 21 000 0000" -> "tel:+27210000000"). */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/\s+/g, "")}`;
}
