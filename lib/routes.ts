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

/** The sign-in page, remembering the desk page the owner was going to (none for the inbox, where sign-in ends). */
export function deskSignInPath(next?: string): string {
  return next && next !== deskPaths.inbox ? `${deskPaths.signIn}?${new URLSearchParams({ next })}` : deskPaths.signIn;
}

const RETURN_BASE = "http://return.invalid";
// What no return path may hold, as typed or decoded: a backslash (browsers read "/\evil" as "//evil") and
// control characters.
// eslint-disable-next-line no-control-regex -- control characters are exactly what it refuses
const NOT_IN_PATH = /[\\\u0000-\u001f\u007f]/;

/**
 * Where sign-in sends the owner: `value` when it is a page of the desk on this site (a path such as
 * `/desk/leads/FS-2026-7KQ4MZ`, with its query), otherwise the inbox. Refused: anything with a scheme or a host
 * (`https://evil`, `//evil`), a backslash (`/\evil`), white space or control characters, the same in
 * percent-encoded form (`/%2F%2Fevil`, `%5C`), a path that leaves /desk once resolved (`/desk/../x`), and the
 * sign-in page itself.
 */
export function deskReturnPath(value: unknown): string {
  if (typeof value !== "string" || value.length > 1000 || !value.startsWith("/")) return deskPaths.inbox;
  if (/\s/.test(value) || NOT_IN_PATH.test(value)) return deskPaths.inbox;
  let decoded = value;
  for (let round = 0; round < 3; round++) {
    try {
      decoded = decodeURIComponent(decoded);
    } catch {
      return deskPaths.inbox;
    }
  }
  if (decoded.includes("//") || NOT_IN_PATH.test(decoded)) return deskPaths.inbox;
  let url: URL;
  try {
    url = new URL(value, RETURN_BASE);
  } catch {
    return deskPaths.inbox;
  }
  const inDesk = url.pathname === DESK_PATH || url.pathname.startsWith(`${DESK_PATH}/`);
  if (url.origin !== RETURN_BASE || !inDesk || url.pathname === deskPaths.signIn) return deskPaths.inbox;
  return `${url.pathname}${url.search}`;
}
