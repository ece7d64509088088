"use server";

import { randomUUID } from "node:crypto";
import { headers } from "next/headers";
import { after } from "next/server";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { deliverPendingFromEnv, mailContextFromEnv } from "@/lib/mail/configured";
import { clientIpFromHeaders } from "@/lib/quotes/client-ip";
import { issueFormToken } from "@/lib/quotes/form-token";
import type { QuoteFormState } from "@/lib/quotes/form-state";
import { fromFormData, submitQuote } from "@/lib/quotes/submit";

/**
 * The "Request a quote" server action: FormData in, a typed state out. Works as a plain form
 * post without JavaScript and with useActionState with it. Mail goes out after the response.
 */
export async function sendQuote(_previous: QuoteFormState, formData: FormData): Promise<QuoteFormState> {
  const settings = env();
  const requestHeaders = await headers();
  const ip = clientIpFromHeaders(requestHeaders, settings.TRUSTED_PROXY_HOPS);
  const raw = fromFormData(formData);
  const result = await submitQuote(
    raw,
    { ip, userAgent: requestHeaders.get("user-agent") },
    { db: db(), env: settings, mail: mailContextFromEnv() },
  );

  switch (result.status) {
    case "ok":
      if (result.outboxIds.length > 0 && settings.MAIL_DELIVER_AFTER_SUBMIT) {
        const ids = result.outboxIds;
        after(async () => {
          try {
            await deliverPendingFromEnv({ ids });
          } catch (error) {
            console.error("mail: delivery after submit failed; the outbox keeps the messages", error);
          }
        });
      }
      return { status: "ok", reference: result.reference };
    case "invalid":
      return {
        status: "invalid",
        fieldErrors: result.fieldErrors,
        values: result.values,
        formToken: raw.formToken?.slice(0, 200),
        attempt: randomUUID(),
      };
    case "expired":
      // A fresh token, dated as if the form had been open for the minimum time: the visitor already filled it in.
      return {
        status: "expired",
        values: result.values,
        formToken: issueFormToken(settings.FORM_SECRET, new Date(Date.now() - settings.MIN_SUBMIT_SECONDS * 1000)),
        attempt: randomUUID(),
      };
    default:
      return {
        status: result.status,
        values: result.values,
        formToken: raw.formToken?.slice(0, 200),
        attempt: randomUUID(),
      };
  }
}
