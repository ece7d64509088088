/**
 * The privacy request's two emails, both to the address the request names: the confirmation link, and the
 * access export once the owner sends it. Neither carries anything the requester typed besides what they
 * asked for (the kind is one of ours).
 */
import {
  htmlDocument,
  paragraph,
  safeSubject,
  trimSlash,
  type MailContext,
  type RenderedMail,
} from "@/lib/mail/render";
import { privacyConfirmPath } from "@/lib/routes";
import { escapeHtml } from "@/lib/text/escape-html";
import { PRIVACY_CONFIRM_HOURS, type PrivacyKind } from "./fields";

const KIND_TEXT: Record<PrivacyKind, string> = {
  access: "a copy of the personal information we hold about you",
  correction: "a correction of the personal information we hold about you",
  deletion: "the deletion of the personal information we hold about you",
};

/** What the desk and the emails call each kind. */
export const KIND_LABEL: Record<PrivacyKind, string> = {
  access: "Access",
  correction: "Correction",
  deletion: "Deletion",
};

export function renderPrivacyConfirmation(kind: PrivacyKind, token: string, ctx: MailContext): RenderedMail {
  const subject = safeSubject(`Confirm your privacy request to ${ctx.siteName}`);
  const link = `${trimSlash(ctx.siteUrl)}${privacyConfirmPath(token)}`;
  const asked = `Someone asked ${ctx.siteName}, using this email address, for ${KIND_TEXT[kind]}.`;
  const confirm = `If that was you, open this link within ${PRIVACY_CONFIRM_HOURS} hours and confirm the request:`;
  const notYou =
    "If it was not you, ignore this email: nothing happens, and the request is deleted when the link expires.";
  const signOff = [ctx.ownerName, ctx.siteName];
  const text = ["Hello,", "", asked, "", confirm, link, "", notYou, "", ...signOff, ""].join("\n");
  const html = htmlDocument(
    subject,
    [
      paragraph("Hello,"),
      paragraph(escapeHtml(asked)),
      paragraph(
        `${escapeHtml(confirm)}<br><a href="${escapeHtml(link)}" style="color:#1d4ed8">${escapeHtml(link)}</a>`,
      ),
      paragraph(escapeHtml(notYou)),
      paragraph(signOff.map(escapeHtml).join("<br>")),
    ].join("\n"),
  );
  return { subject, text, html };
}

/** The answer to an access request: the JSON export (lib/leads/access.ts) in the body, to the confirmed address. */
export function renderAccessExportMail(json: string, ctx: MailContext): RenderedMail {
  const subject = safeSubject(`The personal information ${ctx.siteName} holds about you`);
  const intro =
    `As you asked, here is everything ${ctx.siteName} stores about this email address, as one JSON document ` +
    "(quote requests with every field, the emails to or about you, and their history).";
  const signOff = [ctx.ownerName, ctx.siteName];
  const text = ["Hello,", "", intro, "", json, "", ...signOff, ""].join("\n");
  const html = htmlDocument(
    subject,
    [
      paragraph("Hello,"),
      paragraph(escapeHtml(intro)),
      `<pre style="white-space:pre-wrap;font-size:13px">${escapeHtml(json)}</pre>`,
      paragraph(signOff.map(escapeHtml).join("<br>")),
    ].join("\n"),
  );
  return { subject, text, html };
}
