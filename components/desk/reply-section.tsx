import { replyTemplates, site } from "@/lib/content";
import type { DeskAction } from "@/lib/leads/action-state";
import { fillReply, replyDraftSubject, replyValues, type ReplyLead } from "@/lib/leads/reply";
import { deskLeadPath } from "@/lib/routes";
import { serverContext } from "@/lib/server/context";
import { ReplyForm, type ReplyTemplateChoice } from "./reply-form";

type Props = {
  lead: ReplyLead & { id: number; email: string; status: string };
  action: DeskAction;
  /** `?template=` of the page: the template "Use template" chose without JavaScript. */
  template?: string | string[];
};

/**
 * The lead page's Reply section: who the reply goes to, and the Reply form with the templates filled with this
 * lead's values (a value the lead lacks stays a placeholder, with a note; sending it is refused, naming it).
 */
export async function ReplySection({ lead, action, template }: Props) {
  const context = serverContext();
  const values = replyValues(lead, site.owner.name);
  const templates: ReplyTemplateChoice[] = replyTemplates.all().map((entry) => {
    const filled = fillReply(entry.body.trim(), values);
    return { slug: entry.slug, title: entry.data.title, body: filled.text, notes: filled.errors };
  });
  const chosen = typeof template === "string" ? templates.find((entry) => entry.slug === template) : undefined;

  return (
    <section id="reply" aria-labelledby="reply-heading">
      <h2 id="reply-heading" className="text-xl font-bold">
        Reply
      </h2>
      {lead.status === "spam" ? (
        <p className="mt-3 text-slate-700">
          No replies from Spam: its address may be a stranger&apos;s. Use “Not spam” first if the request is real.
        </p>
      ) : (
        <>
          <p className="mt-3 text-slate-800">
            Goes to <strong>{lead.email}</strong> from the website&apos;s address, in the same thread as the
            confirmation they received. Answers come to you at {context.ownerEmail}, and you get a copy.
          </p>
          <ReplyForm
            action={action}
            reference={lead.reference}
            path={deskLeadPath(lead.reference)}
            subject={await replyDraftSubject(context.db, lead)}
            templates={templates}
            chosen={chosen}
          />
        </>
      )}
    </section>
  );
}
