"use server";

import { z } from "zod";
import { describeErasure, eraseByEmail } from "@/lib/leads/erase";
import { serverContext } from "@/lib/server/context";
import { refreshDesk } from "../action-results";
import { ownerAction } from "../safe-action";

/** Erases everything of one person (a POPIA deletion request); the erasure log keeps only a hash. */
export const eraseAction = ownerAction(
  z.object({
    email: z.email({ error: "Enter the person's email address." }),
    confirm: z.literal("yes", { error: "Tick the box to confirm: erasure cannot be undone." }),
  }),
  async (input, owner) => {
    const result = await eraseByEmail(input.email, serverContext().eraseOptions(owner.email));
    refreshDesk();
    return {
      status: "ok",
      message: `Erased: ${describeErasure(result)} The erasure log keeps only a hash of the address.`,
    };
  },
);
