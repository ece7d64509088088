"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { confirmPrivacyRequest } from "@/lib/privacy/confirm";
import { POSTED_PATH_HEADER } from "@/lib/quotes/form-context";
import { PRIVACY_CONFIRM_PATH } from "@/lib/routes";
import { serverContext } from "@/lib/server/context";

/**
 * The button on the confirmation page: confirms the request whose token the mailed link carried (once, before it
 * expires), then shows the outcome. A POST, so a mail scanner that opens the link confirms nothing.
 */
export async function confirmPrivacyAction(_previous: null, formData: FormData): Promise<null> {
  const postedTo = (await headers()).get(POSTED_PATH_HEADER);
  const token = formData.get("token");
  const result =
    postedTo === PRIVACY_CONFIRM_PATH && typeof token === "string"
      ? await confirmPrivacyRequest(token, { db: serverContext().db })
      : "invalid";
  redirect(`${PRIVACY_CONFIRM_PATH}?${new URLSearchParams({ result })}`);
  return null;
}
