"use server";

import { z } from "zod";
import { dayOf } from "@/lib/leads/next-steps";
import { NEXT_STEP_MAX_LENGTH } from "@/lib/leads/plan-limits";
import { setNextStep } from "@/lib/leads/plan";
import { leadReference } from "@/lib/leads/reference";
import { serverContext } from "@/lib/server/context";
import { done, failed } from "../action-results";
import { ownerAction } from "../safe-action";

/** Sets a lead's next step and the day it is due; both empty clears it. */
export const setNextStepAction = ownerAction(
  z.object({
    reference: leadReference,
    step: z
      .string()
      .trim()
      .max(NEXT_STEP_MAX_LENGTH, { error: `A next step holds at most ${NEXT_STEP_MAX_LENGTH} characters.` })
      .default(""),
    due: z.string().trim().default(""),
  }),
  async (input, owner) => {
    const ctx = serverContext().leads(owner.email);
    if (input.step === "" && input.due === "") {
      const cleared = await setNextStep(ctx, input.reference, null);
      return cleared.ok ? done(cleared.reference, "Next step cleared.") : failed(cleared.message);
    }
    const day = dayOf(input.due);
    if (input.step === "" || day === null) {
      return {
        status: "error",
        message: "Please check the form.",
        fieldErrors: {
          ...(input.step === "" ? { step: ["Say what the next step is."] } : {}),
          ...(day === null ? { due: ["Give the day it is due."] } : {}),
        },
        values: { step: input.step, due: input.due },
      };
    }
    const result = await setNextStep(ctx, input.reference, { step: input.step, day });
    return result.ok ? done(result.reference, "Next step saved.") : failed(result.message);
  },
);
