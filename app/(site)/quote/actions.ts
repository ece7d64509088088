"use server";

import { randomUUID } from "node:crypto";
import { cookies, headers } from "next/headers";
import { deliverAfterResponse } from "@/app/after-response";
import { bookingLink } from "@/lib/quotes/booking";
import { clientIpFromHeaders } from "@/lib/quotes/client-ip";
import {
  FORM_CONTEXT_COOKIE,
  FORM_TOKEN_COOKIE,
  formCookieSettings,
  tokenCookie,
  withFormCookies,
} from "@/lib/quotes/form-cookie";
import { FORM_PATH } from "@/lib/quotes/form-context";
import { postedToForm, refusedPost } from "@/lib/quotes/form-guard";
import type { QuoteFormState } from "@/lib/quotes/form-state";
import { echoValues, fromFormData } from "@/lib/quotes/posted-quote";
import { submitQuote } from "@/lib/quotes/submit";
import { serverContext } from "@/lib/server/context";
import { OUTDATED_ACTION_HEADER } from "@/lib/server/outdated-action";
import { readStamp } from "@/lib/server/peer-stamp";
import { siteUrl } from "@/lib/server/site-url";

/**
 * The "Request a quote" server action: FormData in, a typed state out. Works as a plain form
 * post without JavaScript and with useActionState with it. Mail goes out after the response.
 */
export async function sendQuote(_previous: QuoteFormState, formData: FormData): Promise<QuoteFormState> {
  const context = serverContext();
  const { settings } = context;
  const requestHeaders = await headers();
  const jar = await cookies();
  const ip = clientIpFromHeaders(requestHeaders, settings.TRUSTED_PROXY_HOPS);
  const posted = fromFormData(formData);
  // Only the form's own page takes a quote: the same action posted to any other page stores nothing.
  if (!postedToForm(requestHeaders, FORM_PATH, "quote"))
    return { status: "unavailable", values: echoValues(posted), attempt: randomUUID() };
  const raw = withFormCookies(posted, {
    token: jar.get(FORM_TOKEN_COOKIE)?.value,
    context: jar.get(FORM_CONTEXT_COOKIE)?.value,
  });
  const meta = {
    ip,
    userAgent: requestHeaders.get("user-agent"),
    // Stamped by the server when a form from an older build posted here (lib/server/outdated-action.ts).
    outdatedForm: readStamp(requestHeaders.get(OUTDATED_ACTION_HEADER)) !== undefined,
  };
  const result = await submitQuote(raw, meta, context.quote());
  // Only a token that came in the form goes back into it; the cookie's stays in the cookie.
  const echoedToken = posted.formToken?.slice(0, 200);

  switch (result.status) {
    case "ok":
      deliverAfterResponse(result.outboxIds);
      return {
        status: "ok",
        reference: result.reference,
        promise: result.promise,
        bookingUrl: bookingLink(settings.BOOKING_URL, result.reference) ?? undefined,
      };
    case "invalid":
      return refusedPost({ status: "invalid", fieldErrors: result.fieldErrors, values: result.values }, echoedToken);
    case "expired":
    case "unconfirmed":
    case "outdated": {
      // The replacement token, in the cookie and in the form (for browsers that keep no cookies): bound to the
      // values posted, so sending them again as asked is not judged too fast (lib/quotes/submit.ts).
      const fresh = tokenCookie(formCookieSettings(settings, siteUrl()), result.resendToken);
      jar.set(fresh.name, fresh.value, fresh.options);
      return refusedPost({ status: result.status, values: result.values }, fresh.value);
    }
    default:
      return refusedPost({ status: result.status, values: result.values }, echoedToken);
  }
}
