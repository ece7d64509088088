"use server";

import { z } from "zod";
import { retryMail } from "@/lib/leads/commands";
import { serverContext } from "@/lib/server/context";
import { leadReference } from "@/lib/leads/reference";
import { plural } from "@/lib/text/plural";
import { done, failed } from "../action-results";
import { ownerAction } from "../safe-action";

/** "Retry mail now": sends a lead's failed and waiting emails at once, and says how that went. */
export const retryMailAction = ownerAction(z.object({ reference: leadReference }), async (input, owner) => {
  const result = await retryMail(serverContext().leads(owner.email), input.reference);
  if (!result.ok) return failed(result.message);
  const delivery = result.delivery;
  if (!delivery || result.outboxIds.length === 0) return done(result.reference, "No email was waiting.");
  return done(
    result.reference,
    delivery.failed > 0
      ? `${delivery.sent} sent, ${delivery.failed} failed: see the error below; it stays queued.`
      : `${plural(delivery.sent, "email", "emails")} sent.`,
  );
});
