/**
 * Every address the app links to, redirects to or checks, written once. Pages, emails, the proxy, the CLIs
 * and the tests import these; a route folder under app/ that moves needs only this file changed with it.
 * Plain data, no imports: next.config.ts, proxy.ts and client components load it too.
 */

/** The quote form. proxy.ts sets the form's cookies on it, scoped to it, and the preselect rewrites match it. */
export const QUOTE_PATH = "/quote";

/** Each interest's prerendered copy of the form lives under this path (`/quote/for/service/<slug>`). */
export const PRESELECTED_QUOTE_PATH = `${QUOTE_PATH}/for`;

/** A link to the form, with an interest preselected when one is given (`/quote?interest=service:<slug>`). */
export function quotePath(interest?: string): string {
  return interest ? `${QUOTE_PATH}?${new URLSearchParams({ interest })}` : QUOTE_PATH;
}

/** The privacy notice. */
export const PRIVACY_PATH = "/privacy";

/** The privacy request form (access, correction, deletion). proxy.ts sets its form token cookie, scoped to it. */
export const PRIVACY_REQUEST_PATH = `${PRIVACY_PATH}/request`;

/** Where the link mailed to a privacy request's address leads: a button there confirms the request. */
export const PRIVACY_CONFIRM_PATH = `${PRIVACY_REQUEST_PATH}/confirm`;

/** The confirmation link for one privacy request's token. */
export function privacyConfirmPath(token: string): string {
  return `${PRIVACY_CONFIRM_PATH}?${new URLSearchParams({ token })}`;
}

/** The owner's desk and its pages. */
export const DESK_PATH = "/desk";
export const deskPaths = {
  inbox: DESK_PATH,
  sources: `${DESK_PATH}/sources`,
  erase: `${DESK_PATH}/erase`,
  account: `${DESK_PATH}/account`,
  signIn: `${DESK_PATH}/sign-in`,
  export: `${DESK_PATH}/export`,
  /** POST: an access request's JSON download (everything stored about one address). */
  access: `${DESK_PATH}/access`,
} as const;

/** One lead's page in the desk. */
export function deskLeadPath(reference: string): string {
  return `${DESK_PATH}/leads/${encodeURIComponent(reference)}`;
}

/** The inbox with a query (filters, a status tab); an empty query is the inbox itself. */
export function deskInboxPath(query?: URLSearchParams | Record<string, string>): string {
  const search = new URLSearchParams(query).toString();
  return search ? `${DESK_PATH}?${search}` : DESK_PATH;
}

/** The privacy requests page (erase, access), with a lead's reference or a privacy request's id filled in. */
export function deskErasePath(reference?: string, request?: number): string {
  if (request !== undefined) return `${deskPaths.erase}?${new URLSearchParams({ request: String(request) })}`;
  return reference ? `${deskPaths.erase}?${new URLSearchParams({ reference })}` : deskPaths.erase;
}
