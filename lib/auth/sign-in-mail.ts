import { lockKeys, type Db } from "@/lib/db/client";
import type { RenderedMail } from "@/lib/mail/render";
import { escapeHtml } from "@/lib/text/escape-html";

/** The owner's sign-in link email. Its stored copy is blanked once sent (it holds a credential). */
export function renderSignInLink(opts: { url: string; siteName: string; minutes: number }): RenderedMail {
  const subject = `Sign in to the ${opts.siteName} desk`;
  const lines = [
    `Open this link within ${opts.minutes} minutes to sign in to the ${opts.siteName} desk. It works once.`,
    "If you did not ask for it, ignore this email: nobody can sign in without the link.",
  ];
  const text = [lines[0], "", opts.url, "", lines[1], ""].join("\n");
  const html = [
    "<!DOCTYPE html>",
    '<html lang="en"><head><meta charset="utf-8"><title>' + escapeHtml(subject) + "</title></head>",
    '<body style="font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#111827">',
    `<p>${escapeHtml(lines[0]!)}</p>`,
    `<p><a href="${escapeHtml(opts.url)}" style="color:#1d4ed8">Sign in to the desk</a></p>`,
    `<p>${escapeHtml(lines[1]!)}</p>`,
    "</body></html>",
    "",
  ].join("\n");
  return { subject, text, html };
}

/** The audit row (LeadEvent, about no lead) written once per window in which the cap turned links away. */
export const SIGN_IN_CAP_ACTION = "sign_in_link_cap";

/** At most `max` links mailed to the owner in any `windowMinutes`, whoever asks and from wherever. */
export type SignInLinkCap = { max: number; windowMinutes: number };

/**
 * Records the owner's sign-in link in the outbox (so it is logged and retried) and returns the row's id, unless
 * `cap.max` links were queued in the last `cap.windowMinutes`: then nothing is queued (null), and the desk's audit
 * trail gets one row for the window, so the cap cannot lock the owner out unnoticed. The count is over the outbox,
 * inside a transaction every instance sharing the database takes in turn.
 */
export async function queueSignInLink(
  db: Db,
  opts: { url: string; to: string; siteName: string; minutes: number; cap: SignInLinkCap; now?: Date },
): Promise<number | null> {
  const mail = renderSignInLink(opts);
  const now = opts.now ?? new Date();
  const since = new Date(now.getTime() - opts.cap.windowMinutes * 60_000);
  return db.$transaction(async (tx) => {
    await lockKeys(db, tx, ["sign-in-link"]);
    const queued = await tx.outboxMessage.count({ where: { kind: "sign_in_link", createdAt: { gte: since } } });
    if (queued < opts.cap.max) {
      const row = await tx.outboxMessage.create({
        data: {
          kind: "sign_in_link",
          recipient: opts.to,
          subject: mail.subject,
          textBody: mail.text,
          htmlBody: mail.html,
          createdAt: now,
        },
        select: { id: true },
      });
      return row.id;
    }
    const noted = await tx.leadEvent.count({
      where: { quoteRequestId: null, action: SIGN_IN_CAP_ACTION, createdAt: { gte: since } },
    });
    if (noted === 0)
      await tx.leadEvent.create({
        data: {
          actor: "system",
          action: SIGN_IN_CAP_ACTION,
          detail:
            `${opts.cap.max} sign-in links were mailed in ${opts.cap.windowMinutes} minutes; ` +
            "further requests got the usual answer and no email. Sign in with a passkey, or run " +
            "`npm run desk:link` on the server.",
          createdAt: now,
        },
      });
    return null;
  });
}
