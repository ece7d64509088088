"use server";

import { z } from "zod";
import { parseAmount, parseCurrency } from "@/lib/leads/deal-value";
import { setDealValue } from "@/lib/leads/plan";
import { leadReference } from "@/lib/leads/reference";
import { serverContext } from "@/lib/server/context";
import { done, failed } from "../action-results";
import { ownerAction } from "../safe-action";

/** Sets a lead's estimated deal value (an amount and an ISO currency); an empty amount clears it. */
export const setDealValueAction = ownerAction(
  z.object({
    reference: leadReference,
    amount: z.string().trim().default(""),
    currency: z.string().trim().default(""),
  }),
  async (input, owner) => {
    const ctx = serverContext().leads(owner.email);
    if (input.amount === "") {
      const cleared = await setDealValue(ctx, input.reference, null);
      return cleared.ok ? done(cleared.reference, "Deal value cleared.") : failed(cleared.message);
    }
    const amount = parseAmount(input.amount);
    const currency = parseCurrency(input.currency);
    if (amount === null || currency === null) {
      return {
        status: "error",
        message: "Please check the form.",
        fieldErrors: {
          ...(amount === null ? { amount: ["Give a whole amount, e.g. 120000 (at most 2 000 000 000)."] } : {}),
          ...(currency === null ? { currency: ["Give a currency's three-letter code, e.g. ZAR, USD or EUR."] } : {}),
        },
        values: { amount: input.amount, currency: input.currency },
      };
    }
    const result = await setDealValue(ctx, input.reference, { amount, currency });
    return result.ok ? done(result.reference, "Deal value saved.") : failed(result.message);
  },
);
