"use server";

import { z } from "zod";
import { releaseSpam } from "@/lib/leads/commands";
import { serverContext } from "@/lib/server/context";
import { leadReference } from "@/lib/leads/reference";
import { deliverAfterResponse } from "@/app/after-response";
import { done, failed } from "../action-results";
import { ownerAction } from "../safe-action";

/** "Not spam": moves a lead to New and sends the two emails held back when it arrived. */
export const releaseSpamAction = ownerAction(z.object({ reference: leadReference }), async (input, owner) => {
  const ctx = serverContext().leads(owner.email);
  const result = await releaseSpam(ctx, input.reference);
  if (!result.ok) return failed(result.message);
  deliverAfterResponse(result.outboxIds);
  return done(
    result.reference,
    result.outboxIds.length > 0 ? "Moved to New; its two emails are being sent." : "Moved to New.",
  );
});
