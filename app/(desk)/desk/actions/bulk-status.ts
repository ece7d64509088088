"use server";

import { z } from "zod";
import { bulkChangeStatus, describeBulk } from "@/lib/leads/plan";
import { BULK_MAX, BULK_STATUSES } from "@/lib/leads/plan-limits";
import { leadReference } from "@/lib/leads/reference";
import { serverContext } from "@/lib/server/context";
import { failed, refreshDesk } from "../action-results";
import { ownerAction } from "../safe-action";

/** The inbox's bulk action: the ticked leads to spam or to lost, one audited change each. */
export const bulkStatusAction = ownerAction(
  z.object({
    reference: z
      .array(leadReference, { error: "Tick the leads to change." })
      .min(1, { error: "Tick the leads to change." })
      .max(BULK_MAX, { error: `At most ${BULK_MAX} leads at once.` }),
    to: z.enum(BULK_STATUSES, { error: "Choose what to do with them." }),
  }),
  async (input, owner) => {
    const result = await bulkChangeStatus(serverContext().leads(owner.email), input.reference, input.to);
    refreshDesk();
    const message = describeBulk(result, input.to);
    return result.failed.length > 0 ? failed(message) : { status: "ok", message };
  },
);
