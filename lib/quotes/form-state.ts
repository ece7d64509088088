import type { FieldErrors, QuoteValues } from "./schema";

/** What the quote action returns to the form; safe to send to the browser. */
export type QuoteFormState =
  | { status: "idle" }
  | { status: "invalid"; fieldErrors: FieldErrors; values: QuoteValues; formToken?: string; attempt: string }
  | {
      status: "rate_limited" | "unavailable" | "expired" | "unconfirmed" | "outdated";
      values: QuoteValues;
      formToken?: string;
      attempt: string;
    }
  /**
   * `promise`: the response promise with its due time, computed on the server; `bookingUrl`: the "Book a call" link
   * for this request, when BOOKING_URL is set (the page is static).
   */
  | { status: "ok"; reference: string; promise: string; bookingUrl?: string };

/** `attempt` differs per response, so the form remounts with the echoed values as its defaults. */
export const initialQuoteFormState: QuoteFormState = { status: "idle" };
