"use server";

import { randomUUID } from "node:crypto";
import { cookies, headers } from "next/headers";
import { deliverAfterResponse } from "@/app/after-response";
import { PRIVACY_TOKEN_COOKIE, privacyCookieWrite } from "@/lib/privacy/form-cookie";
import type { PrivacyFormState } from "@/lib/privacy/form-state";
import { echoPrivacyValues, privacyFromFormData, submitPrivacyRequest } from "@/lib/privacy/submit";
import { clientIpFromHeaders } from "@/lib/quotes/client-ip";
import { formCookieSettings } from "@/lib/quotes/form-cookie";
import { postedToForm, refusedPost } from "@/lib/quotes/form-guard";
import { PRIVACY_REQUEST_PATH } from "@/lib/routes";
import { serverContext } from "@/lib/server/context";
import { siteUrl } from "@/lib/server/site-url";

/** The privacy request form's action: a plain form post without JavaScript, useActionState with it. */
export async function sendPrivacyRequest(_previous: PrivacyFormState, formData: FormData): Promise<PrivacyFormState> {
  const context = serverContext();
  const { settings } = context;
  const requestHeaders = await headers();
  const jar = await cookies();
  const posted = privacyFromFormData(formData);
  // Only the form's own page takes a request, as with the quote form.
  if (!postedToForm(requestHeaders, PRIVACY_REQUEST_PATH, "privacy"))
    return { status: "unavailable", values: echoPrivacyValues(posted), attempt: randomUUID() };
  posted.formToken ??= jar.get(PRIVACY_TOKEN_COOKIE)?.value;
  const result = await submitPrivacyRequest(
    posted,
    { ip: clientIpFromHeaders(requestHeaders, settings.TRUSTED_PROXY_HOPS) },
    { db: context.db, env: settings, mail: context.mail },
  );
  const echoedToken = formData.get("formToken")?.toString().slice(0, 200);
  switch (result.status) {
    case "sent":
      deliverAfterResponse(result.outboxIds);
      return { status: "sent" };
    case "expired":
    case "unconfirmed": {
      const fresh = privacyCookieWrite(result.resendToken, formCookieSettings(settings, siteUrl()));
      jar.set(fresh.name, fresh.value, fresh.options);
      return refusedPost({ status: result.status, values: result.values }, fresh.value);
    }
    case "invalid":
      return refusedPost({ status: "invalid", fieldErrors: result.fieldErrors, values: result.values }, echoedToken);
    default:
      return refusedPost({ status: result.status, values: result.values }, echoedToken);
  }
}
