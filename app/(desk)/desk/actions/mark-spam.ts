"use server";

import { z } from "zod";
import { markSpam } from "@/lib/leads/commands";
import { serverContext } from "@/lib/server/context";
import { leadReference } from "@/lib/leads/reference";
import { done, failed } from "../action-results";
import { ownerAction } from "../safe-action";

/** Moves a lead to spam. */
export const markSpamAction = ownerAction(z.object({ reference: leadReference }), async (input, owner) => {
  const result = await markSpam(serverContext().leads(owner.email), input.reference);
  return result.ok ? done(result.reference, "Marked as spam.") : failed(result.message);
});
