/** The placeholder BOOKING_URL may contain, replaced by the request's reference. */
export const BOOKING_REFERENCE_PLACEHOLDER = "{reference}";

/**
 * The "Book a call" link for one request: BOOKING_URL with each `{reference}` replaced by the reference,
 * URL-encoded; null when no BOOKING_URL is set.
 */
export function bookingLink(template: string | undefined, reference: string): string | null {
  if (!template) return null;
  return template.replaceAll(BOOKING_REFERENCE_PLACEHOLDER, encodeURIComponent(reference));
}
