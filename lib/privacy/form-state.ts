import type { PrivacyFieldErrors, PrivacyValues } from "./fields";

/** What the privacy request action returns to the form; safe to send to the browser. */
export type PrivacyFormState =
  | { status: "idle" }
  | { status: "invalid"; fieldErrors: PrivacyFieldErrors; values: PrivacyValues; formToken?: string; attempt: string }
  | {
      status: "rate_limited" | "unavailable" | "expired" | "unconfirmed";
      values: PrivacyValues;
      formToken?: string;
      attempt: string;
    }
  /** Said the same whether a request was stored or not (a second address limit, a bot): nothing to learn from it. */
  | { status: "sent" };

export const initialPrivacyFormState: PrivacyFormState = { status: "idle" };
