"use server";

import { z } from "zod";
import { changeStatus } from "@/lib/leads/commands";
import { serverContext } from "@/lib/server/context";
import { leadReference } from "@/lib/leads/reference";
import { LEAD_STATUSES, STATUS_LABELS } from "@/lib/leads/status";
import { deliverAfterResponse } from "@/app/after-response";
import { done, failed } from "../action-results";
import { ownerAction } from "../safe-action";

/** Moves a lead to another status; leaving spam sends the mail that was held back. */
export const changeStatusAction = ownerAction(
  z.object({ reference: leadReference, status: z.enum(LEAD_STATUSES, { error: "Choose a status." }) }),
  async (input, owner) => {
    const ctx = serverContext().leads(owner.email);
    const result = await changeStatus(ctx, input.reference, input.status, input.status === "spam" ? "spam" : "status");
    if (!result.ok) return failed(result.message);
    deliverAfterResponse(result.outboxIds);
    return done(
      result.reference,
      result.changed ? `Status changed to ${STATUS_LABELS[input.status]}.` : `Already ${STATUS_LABELS[input.status]}.`,
    );
  },
);
