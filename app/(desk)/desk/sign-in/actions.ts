"use server";

/**
 * The sign-in form's action (public by nature: it is how the owner gets in). It hands the request to the
 * auth library's own endpoint, so its rate limit and origin check apply exactly as to a direct call, and
 * answers the same for every address.
 */
import { headers } from "next/headers";
import { z } from "zod";
import { withClientIp } from "@/lib/auth/client-ip";
import { LINK_MINUTES } from "@/lib/auth/create-auth";
import { auth } from "@/app/after-response";
import { serverContext } from "@/lib/server/context";
import { log } from "@/lib/server/log";
import { deskOrigin } from "@/lib/server/env";
import type { ActionState } from "@/lib/leads/action-state";
import { clientIpFromHeaders } from "@/lib/quotes/client-ip";
import { deskPaths, deskReturnPath } from "@/lib/routes";

const email = z
  .string()
  .trim()
  .max(320)
  .pipe(z.email({ error: "Enter an email address, like name@example.com." }));

export async function requestSignInLink(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const typed = String(formData.get("email") ?? "").slice(0, 320);
  const parsed = email.safeParse(typed);
  if (!parsed.success)
    return {
      status: "error",
      message: "Please check the address.",
      fieldErrors: { email: z.flattenError(parsed.error).formErrors },
      values: { email: typed },
    };
  const { settings } = serverContext();
  const origin = deskOrigin(settings);
  const incoming = await headers();
  const request = new Request(`${origin}/api/auth/sign-in/magic-link`, {
    method: "POST",
    headers: { "content-type": "application/json", origin, "user-agent": incoming.get("user-agent") ?? "" },
    body: JSON.stringify({
      email: parsed.data,
      // The page the owner was going to, checked again here: the form's field is whatever was posted.
      callbackURL: deskReturnPath(formData.get("next")),
      errorCallbackURL: deskPaths.signIn,
    }),
  });
  const response = await auth().handler(
    withClientIp(request, clientIpFromHeaders(incoming, settings.TRUSTED_PROXY_HOPS)),
  );
  if (response.status === 429)
    return {
      status: "error",
      message: "Too many sign-in requests from here. Wait a minute, then try again.",
      values: { email: typed },
    };
  if (!response.ok) {
    log.error(`desk: sign-in link request answered ${response.status}`);
    return {
      status: "error",
      message: "Sign-in links are not available right now. Try again later.",
      values: { email: typed },
    };
  }
  return {
    status: "ok",
    message:
      "If that is the desk owner's address, a sign-in link is on its way. " +
      `It works once, within ${LINK_MINUTES} minutes.`,
  };
}
