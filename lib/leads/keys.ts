import { createHmac } from "node:crypto";

/** An address as stored for lookups: trimmed and lower-cased, so every case variant is one person. */
export function emailKey(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * What the desk's search matches (reference, name, email, company and the message), lower-cased in code so it
 * behaves the same on every database.
 */
export function searchTextOf(lead: {
  reference: string;
  name: string;
  email: string;
  company: string | null;
  description: string;
}): string {
  return [lead.reference, lead.name, lead.email, lead.company ?? "", lead.description].join(" ").toLowerCase();
}

/** The erasure log's keyed hash of an address: proves an erasure for an address without storing it. */
export function erasureHash(email: string, secret: string): string {
  return createHmac("sha256", `erasure:${secret}`).update(emailKey(email)).digest("hex");
}
