import type { Db } from "@/lib/db/client";
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

/** Records the owner's sign-in link in the outbox (so it is logged and retried); returns the row's id. */
export async function queueSignInLink(
  db: Db,
  opts: { url: string; to: string; siteName: string; minutes: number },
): Promise<number> {
  const mail = renderSignInLink(opts);
  const row = await db.outboxMessage.create({
    data: { kind: "sign_in_link", recipient: opts.to, subject: mail.subject, textBody: mail.text, htmlBody: mail.html },
    select: { id: true },
  });
  return row.id;
}
