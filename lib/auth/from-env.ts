/** The auth instance of this process: settings from lib/env, sign-in links through the mail outbox. */
import { createHmac } from "node:crypto";
import { after } from "next/server";
import { site } from "@/content/site";
import { db } from "@/lib/db";
import { deskOrigin, env, ownerEmail } from "@/lib/env";
import { deliverPendingFromEnv } from "@/lib/mail/configured";
import { createAuth, LINK_MINUTES, type Auth } from "./create-auth";
import { renderSignInLink } from "./sign-in-mail";

/** better-auth's secret, derived from FORM_SECRET so the site has one secret to manage. */
export function authSecret(formSecret: string): string {
  return createHmac("sha256", formSecret).update("better-auth session secret").digest("base64url");
}

/** Records the link in the outbox (so it is logged and retried) and sends it, both after the response. */
function queueSignInLink(url: string) {
  after(async () => {
    try {
      const mail = renderSignInLink({ url, siteName: site.name, minutes: LINK_MINUTES });
      const row = await db().outboxMessage.create({
        data: {
          kind: "sign_in_link",
          recipient: ownerEmail(env()),
          subject: mail.subject,
          textBody: mail.text,
          htmlBody: mail.html,
        },
        select: { id: true },
      });
      await deliverPendingFromEnv({ ids: [row.id] });
    } catch (error) {
      console.error("desk: could not queue or send the sign-in link", error);
    }
  });
}

/** An auth instance on this process's settings; `sendLink` decides what becomes of the owner's link. */
export function authFromEnv(sendLink: (url: string) => void | Promise<void>): Auth {
  const settings = env();
  return createAuth({
    db: db(),
    databaseUrl: settings.DATABASE_URL,
    baseURL: deskOrigin(settings),
    secret: authSecret(settings.FORM_SECRET),
    ownerEmail: ownerEmail(settings),
    siteName: site.name,
    sendLink,
  });
}

const holder = globalThis as unknown as { fsDevAuth?: Auth };

/** The server's instance: sign-in links go through the outbox. */
export function auth(): Auth {
  holder.fsDevAuth ??= authFromEnv(queueSignInLink);
  return holder.fsDevAuth;
}
