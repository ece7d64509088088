"use server";

import { queueReply, replyFields } from "@/lib/leads/reply";
import { serverContext } from "@/lib/server/context";
import { log } from "@/lib/server/log";
import { deliverAfterResponse } from "@/app/after-response";
import { done } from "../action-results";
import { ownerAction } from "../safe-action";

/**
 * "Send reply": queues the owner's reply to a lead and his copy (lib/leads/reply.ts) and sends both after the
 * response. A refused reply keeps what was typed and says why, field by field; nothing is queued.
 */
export const replyAction = ownerAction(replyFields, async (input, owner) => {
  const context = serverContext();
  const values = { subject: input.subject, body: input.body };
  try {
    const result = await queueReply(
      {
        ...context.leads(owner.email),
        ownerTo: context.ownerEmail,
        ownerName: context.mail.ownerName,
        perHour: context.settings.REPLIES_PER_HOUR,
      },
      input,
    );
    if (!result.ok)
      return {
        status: "error",
        message: result.message,
        ...(result.error === "invalid" ? { fieldErrors: result.fieldErrors } : {}),
        values,
      };
    deliverAfterResponse(result.outboxIds);
    return done(result.reference, "Reply queued: it is being sent now, with a copy to you.");
  } catch (error) {
    // E.g. the lead was erased between the look-up and the insert: the transaction wrote nothing.
    log.error(`desk: a reply to ${input.reference} could not be queued`, error);
    return {
      status: "error",
      message: "The reply could not be queued; nothing was sent. Reload the page and try again.",
      values,
    };
  }
});
