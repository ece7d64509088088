"use server";

import { z } from "zod";
import { markAnswered } from "@/lib/leads/mark-answered";
import { serverContext } from "@/lib/server/context";
import { leadReference } from "@/lib/leads/reference";
import { done, failed } from "../action-results";
import { ownerAction } from "../safe-action";

/** Records that the owner answered a lead outside the desk: the response clock stops, no reminder follows. */
export const markAnsweredAction = ownerAction(z.object({ reference: leadReference }), async (input, owner) => {
  const result = await markAnswered(serverContext().leads(owner.email), input.reference);
  if (!result.ok) return failed(result.message);
  return done(result.reference, result.changed ? "Marked as answered." : "Already answered.");
});
