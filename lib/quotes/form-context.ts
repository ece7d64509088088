import { PRESELECTED_QUOTE_PATH as PRESELECTED_FORM_PATH, QUOTE_PATH as FORM_PATH } from "../routes";
import { escapeRegExp } from "../text/escape-regexp";
import { cleanSourcePath, UTM_KEYS } from "./fields";

/**
 * Where a visit to the form came from: the page it was referred by, when that is one of this site's hosts,
 * and the UTM tags (each at most 100 characters) of the URL the form was opened with or, for a tag that URL
 * lacks, of that same-origin referring URL: a visitor who lands on `/services?utm_campaign=spring` and follows
 * its quote link keeps the campaign. The Referer carries the query on same-origin navigations
 * (Referrer-Policy strict-origin-when-cross-origin), with or without JavaScript; tags on earlier pages of the
 * visit are not kept (no cookie follows the visitor around the site).
 */
export function visitContext(referer: string | null, hosts: string[], params: URLSearchParams): Record<string, string> {
  const context: Record<string, string> = {};
  const from = referer && URL.canParse(referer) ? new URL(referer) : undefined;
  const sameOrigin = from !== undefined && hosts.includes(from.host);
  const referrerPath = sameOrigin ? cleanSourcePath(from.pathname) : null;
  if (referrerPath) context.referrerPath = referrerPath;
  for (const key of UTM_KEYS) {
    const value = params.get(key) || (sameOrigin ? from.searchParams.get(key) : null);
    if (value) context[key] = value.slice(0, 100);
  }
  return context;
}

/**
 * Quote links ask for an interest in the query (`/quote?interest=service:<slug>`). The form is static, so
 * each interest has its own prerendered copy of the page with that choice selected, under
 * PRESELECTED_FORM_PATH (`/quote/for/service/<slug>`), served in place of `/quote` without changing the address.
 */
export { FORM_PATH, PRESELECTED_FORM_PATH };

/**
 * The request header proxy.ts sets on every post: the path it was sent to (any copy a client sent is
 * replaced). A server action answers on whatever page it is posted to; the quote action checks this instead.
 */
export const POSTED_PATH_HEADER = "x-fsdev-posted-path";

/**
 * The quote form's server action, as the build's server reference manifest names it: a post of a form from an
 * older build is answered by it (lib/server/outdated-action.ts). A test fails if it moves without this.
 */
export const QUOTE_ACTION = { filename: "app/(site)/quote/actions.ts", exportedName: "sendQuote" } as const;

/**
 * The rewrites (next.config.ts) that serve each interest's copy for `/quote?interest=<value>`: one per
 * choice, matched exactly, so any other value gets the plain form.
 */
export function preselectRewrites(interests: { value: string }[]) {
  return interests.map((choice) => ({
    source: FORM_PATH,
    has: [{ type: "query" as const, key: "interest", value: escapeRegExp(choice.value) }],
    destination: `${PRESELECTED_FORM_PATH}/${interestSegments(choice.value).join("/")}`,
  }));
}

/** An interest value as path segments ("service:automation" -> ["service", "automation"]), and back. */
export function interestSegments(interest: string): string[] {
  return interest.split(":");
}

export function interestFromSegments(segments: string[]): string {
  return segments.join(":");
}
