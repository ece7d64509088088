/**
 * The checks the quote form and the privacy request form share before anything is stored: the post came to the
 * form's own page, and what its form token (./form-token.ts) says of it; and the answer to a refused post.
 */
import { randomUUID } from "node:crypto";
import type { Env } from "@/lib/server/env";
import { log } from "@/lib/server/log";
import { POSTED_PATH_HEADER } from "./form-context";
import { issueFormToken, verifyFormToken, type TokenCheck } from "./form-token";

/**
 * Whether a post came to the form's own page, as proxy.ts stamps it: a server action answers on whatever page
 * it is posted to, and a post anywhere else stores nothing. A refused post is logged under `label`.
 */
export function postedToForm(requestHeaders: Pick<Headers, "get">, formPath: string, label: string): boolean {
  const postedTo = requestHeaders.get(POSTED_PATH_HEADER);
  if (postedTo === formPath) return true;
  log.warn(`${label}: a post to ${postedTo ?? "(no path)"} was refused (not the form's page)`);
  return false;
}

export type PostedToken =
  /**
   * Ask the visitor to send again: the token is too old, from a clock ahead of ours, or missing (a browser that
   * keeps no cookies sends none). Nothing is stored, so a bot that never sends one leaves no trace either.
   */
  | { ask: "expired" | "unconfirmed"; resendToken: () => string }
  | {
      ask: null;
      token: TokenCheck;
      /** The replacement token bound to these very values: the visitor sending again as the page asked. */
      sentAgain: boolean;
      /** The minimum fill time: waived for a post sent again, however quickly (the other checks still apply). */
      minSeconds: number;
      resendToken: () => string;
    };

/**
 * What a post's form token says, for the values whose digest is `digest`. `resendToken` makes the token that
 * replaces a missing, expired or outdated one: dated now and bound to these values.
 */
export function checkPostedToken(
  formToken: string | undefined,
  digest: string,
  settings: Pick<Env, "FORM_SECRET" | "FORM_TOKEN_MAX_AGE_HOURS" | "MIN_SUBMIT_SECONDS">,
  now: () => Date,
): PostedToken {
  const token = verifyFormToken(formToken, settings.FORM_SECRET, settings.FORM_TOKEN_MAX_AGE_HOURS, now());
  const resendToken = () => issueFormToken(settings.FORM_SECRET, now(), digest);
  if (!token.ok && (token.reason === "expired" || token.reason === "from-the-future"))
    return { ask: "expired", resendToken };
  if (!token.ok && token.reason === "missing") return { ask: "unconfirmed", resendToken };
  const sentAgain = token.ok && token.boundTo === digest;
  return { ask: null, token, sentAgain, minSeconds: sentAgain ? 0 : settings.MIN_SUBMIT_SECONDS, resendToken };
}

/**
 * A refused post's answer to the form: `state` (its status, the visitor's values, any field errors), the token the
 * form sends next, and a new `attempt`, so the form remounts with the values as its defaults.
 */
export function refusedPost<const S extends { status: string }>(
  state: S,
  formToken: string | undefined,
): S & { formToken: string | undefined; attempt: string } {
  return { ...state, formToken, attempt: randomUUID() };
}
