/** The mail pieces wired to this process's settings and site facts, for the app and the retry command. */
import { site } from "@/content/site";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { deliverPending, type DeliverOptions, type DeliverResult } from "./outbox";
import type { MailContext } from "./render";
import { mailTransportFromEnv } from "./transport";

/** What the templates need to know about the site. */
export function mailContextFromEnv(): MailContext {
  return { siteName: site.name, siteUrl: env().SITE_URL, ownerName: site.owner.name };
}

/** `deliverPending` with db(), the process's transport, MAIL_FROM and SITE_URL; options override. */
export function deliverPendingFromEnv(opts: Partial<DeliverOptions> = {}): Promise<DeliverResult> {
  const settings = env();
  return deliverPending(db(), mailTransportFromEnv(), {
    from: settings.MAIL_FROM,
    siteUrl: settings.SITE_URL,
    lockMs: settings.OUTBOX_CLAIM_SECONDS * 1000,
    ...opts,
  });
}
