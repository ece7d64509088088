import { PRIVACY_REQUEST_PATH } from "@/lib/routes";
import type { CookieWrite } from "@/lib/quotes/form-cookie";
import { issueFormToken, verifyFormToken } from "@/lib/quotes/form-token";

/**
 * The privacy request form is static like the quote form: its form token (lib/quotes/form-token.ts) travels in a
 * cookie proxy.ts sets when the page is loaded, HttpOnly and scoped to the form's path. It holds no context.
 */
export const PRIVACY_TOKEN_COOKIE = "fsdev_privacy_form";

type Settings = { secret: string; maxAgeHours: number; secure: boolean; now?: Date };

/** The token cookie a load of the form sets: kept while valid and younger than half its life, else a new one. */
export function privacyTokenCookie(token: string | undefined, settings: Settings): CookieWrite | null {
  const check = verifyFormToken(token, settings.secret, settings.maxAgeHours, settings.now);
  if (check.ok && check.ageSeconds <= (settings.maxAgeHours * 3600) / 2) return null;
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
