/**
 * The desk's one action client. Every owner action (./actions/, one per file) is built with `ownerAction()`,
 * which checks the session and validates the input before its body runs, so no action can forget either.
 * tests/e2e/desk-guard.spec.ts checks that every file in ./actions/ is built with it and calls each anonymously.
 */
import { z } from "zod";
import type { ActionState, DeskAction } from "@/lib/leads/action-state";
import { currentOwner, type Owner } from "./guard";

export const SIGNED_OUT: ActionState = {
  status: "error",
  message: "You are signed out. Sign in again to do this.",
};

/** A desk server action: owner checked, then `schema.safeParse` of the form's fields, then `body`. */
export function ownerAction<S extends z.ZodObject>(
  schema: S,
  body: (input: z.infer<S>, owner: Owner) => Promise<ActionState>,
): DeskAction {
  return async (_previous, formData) => {
    const owner = await currentOwner();
    if (!owner) return SIGNED_OUT;
    // A field the schema declares as an array (the inbox's ticked leads) takes every value sent under its name.
    const fields = Object.fromEntries(
      Object.entries(schema.shape).map(([key, field]) => [
        key,
        field instanceof z.ZodArray ? formData.getAll(key) : (formData.get(key) ?? undefined),
      ]),
    );
    const parsed = schema.safeParse(fields);
    if (!parsed.success) {
      const values = Object.fromEntries(
        Object.entries(fields).filter((entry): entry is [string, string] => typeof entry[1] === "string"),
      );
      return {
        status: "error",
        message: "Please check the form.",
        fieldErrors: z.flattenError(parsed.error).fieldErrors as Record<string, string[]>,
        values,
      };
    }
    return body(parsed.data, owner);
  };
}
