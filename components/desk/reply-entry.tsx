import { replyAt } from "@/lib/leads/reply";
import { OUTBOX_STATUS } from "@/lib/mail/outbox-status";
import { serverContext } from "@/lib/server/context";
import { mailRowStatus } from "./mail-status";

/**
 * A reply on the lead's timeline (under its "Reply sent" line): to whom, its delivery, and its text as the outbox
 * keeps it (blanked MAIL_BODY_RETENTION_DAYS after it was sent, like every email's).
 */
export async function ReplyEntry({ leadId, at }: { leadId: number; at: Date }) {
  const { db, settings } = serverContext();
  const reply = await replyAt(db, leadId, at);
  if (!reply) return null;
  const failed = reply.status === OUTBOX_STATUS.failed;
  return (
    <div className="mt-1 space-y-1" data-testid="timeline-reply">
      <p className={failed ? "font-semibold text-red-700" : "text-slate-800"}>
        {failed ? "Not delivered. " : ""}To {reply.recipient}: {mailRowStatus(reply, settings.BUSINESS_TIME_ZONE)}
      </p>
      {reply.textBody ? (
        <p className="rounded-md border border-slate-200 p-3 whitespace-pre-wrap text-slate-800">
          {reply.textBody.trimEnd()}
        </p>
      ) : (
        <p className="text-slate-700">
          Its text is no longer kept: delivered emails are blanked after {settings.MAIL_BODY_RETENTION_DAYS} days.
        </p>
      )}
    </div>
  );
}
