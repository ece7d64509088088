import type { Env } from "@/lib/server/env";
import type { RawSubmission } from "./posted-quote";
import { CONTEXT_FIELDS } from "./fields";
import { FORM_PATH, visitContext } from "./form-context";
import { issueFormToken, verifyFormToken } from "./form-token";

/**
 * The quote page is static, so what used to be rendered into each copy of the form travels in two cookies
 * that proxy.ts sets when the page is loaded, and the form's server action reads:
 * - the form token (lib/quotes/form-token.ts): when the visitor first had the form, for the spam timing
 *   and to recognise a request sent twice;
 * - the visit's context: the page of this site the visitor came from and the campaign tags of the URL.
 * Both are HttpOnly and scoped to the form's path; neither holds anything about the visitor beyond that.
 */
export const FORM_TOKEN_COOKIE = "fsdev_form";
export const FORM_CONTEXT_COOKIE = "fsdev_form_from";

export type CookieWrite = {
  name: string;
  value: string;
  options: { httpOnly: true; sameSite: "lax"; secure: boolean; path: string; maxAge?: number };
};

/** The form cookies' settings (`formCookieSettings`), and the time of this load (now when absent). */
export type FormCookieSettings = { secret: string; maxAgeHours: number; secure: boolean; now?: Date };
type Settings = FormCookieSettings;

/**
 * Whether a load of a form keeps the token its cookie holds: while it is valid and younger than half its life
 * (the visitor has had the form at least since then, in this tab or another). Otherwise a new one is dated now,
 * so a form loaded today never expires while it is being filled in.
 */
export function keepsToken(token: string | undefined, settings: Settings): boolean {
  const check = verifyFormToken(token, settings.secret, settings.maxAgeHours, settings.now);
  return check.ok && check.ageSeconds <= (settings.maxAgeHours * 3600) / 2;
}

/** The cookies' settings from the server's: its FORM_SECRET and token age, and Secure on an https site. */
export function formCookieSettings(
  settings: Pick<Env, "FORM_SECRET" | "FORM_TOKEN_MAX_AGE_HOURS">,
  site: URL,
): Settings {
  return {
    secret: settings.FORM_SECRET,
    maxAgeHours: settings.FORM_TOKEN_MAX_AGE_HOURS,
    secure: site.protocol === "https:",
  };
}

/** A token cookie: a new token dated now, or the given one (the replacement the action hands back). */
export function tokenCookie(settings: Settings, value?: string): CookieWrite {
  return {
    name: FORM_TOKEN_COOKIE,
    value: value ?? issueFormToken(settings.secret, settings.now),
    options: cookieOptions(settings.secure, settings.maxAgeHours * 3600),
  };
}

function cookieOptions(secure: boolean, maxAge?: number): CookieWrite["options"] {
  return { httpOnly: true, sameSite: "lax", secure, path: FORM_PATH, ...(maxAge === undefined ? {} : { maxAge }) };
}

/**
 * The cookies a load of the form sets: a new token unless the one it holds is kept (`keepsToken`), and this
 * load's own context (empty when the visit has none, which clears an older one).
 */
export function formCookies(
  visit: { token: string | undefined; referer: string | null; hosts: string[]; params: URLSearchParams },
  settings: Settings,
): CookieWrite[] {
  const writes: CookieWrite[] = [];
  if (!keepsToken(visit.token, settings)) writes.push(tokenCookie(settings));
  const context = new URLSearchParams(visitContext(visit.referer, visit.hosts, visit.params)).toString();
  writes.push({
    name: FORM_CONTEXT_COOKIE,
    value: context,
    options: cookieOptions(settings.secure, context ? undefined : 0),
  });
  return writes;
}

/**
 * A posted form with what the cookies carry filled in: fields posted with the form win (a form sent again
 * after a refusal carries its token in a hidden field, for browsers that keep no cookies).
 */
export function withFormCookies(raw: RawSubmission, cookies: { token?: string; context?: string }): RawSubmission {
  const filled: RawSubmission = { ...raw };
  filled.formToken ??= cookies.token;
  const context = new URLSearchParams(cookies.context ?? "");
  for (const key of CONTEXT_FIELDS) {
    const value = context.get(key);
    if (value !== null) filled[key] ??= value.slice(0, 200);
  }
  return filled;
}
