import { PRIVACY_REQUEST_PATH } from "@/lib/routes";
import { keepsToken, type CookieWrite, type FormCookieSettings } from "@/lib/quotes/form-cookie";
import { issueFormToken } from "@/lib/quotes/form-token";

/**
 * The privacy request form is static like the quote form: its form token (lib/quotes/form-token.ts) travels in a
 * cookie proxy.ts sets when the page is loaded, HttpOnly and scoped to the form's path. It holds no context.
 */
export const PRIVACY_TOKEN_COOKIE = "fsdev_privacy_form";

type Settings = FormCookieSettings;

/** The token cookie a load of the form sets: none while the one it holds is kept (`keepsToken`), else a new one. */
export function privacyTokenCookie(token: string | undefined, settings: Settings): CookieWrite | null {
  if (keepsToken(token, settings)) return null;
  return privacyCookieWrite(issueFormToken(settings.secret, settings.now), settings);
}

/** A token cookie with the given value (a replacement the action hands back). */
export function privacyCookieWrite(value: string, settings: Pick<Settings, "secure" | "maxAgeHours">): CookieWrite {
  return {
    name: PRIVACY_TOKEN_COOKIE,
    value,
    options: {
      httpOnly: true,
      sameSite: "lax",
      secure: settings.secure,
      path: PRIVACY_REQUEST_PATH,
      maxAge: settings.maxAgeHours * 3600,
    },
  };
}
