/**
 * The desk's one door. Pages call `requireOwner()`; every server action is built with `ownerAction()`, which
 * checks the session and validates the input before its body runs, so no action can forget either.
 * (`proxy.ts` and Next.js refuse cross-site posts before any of this runs.)
 */
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import type { ActionState } from "@/components/desk/action-state";
import { auth } from "@/app/after-response";
import { serverContext } from "@/lib/server/context";
import { emailKey } from "@/lib/leads/keys";

export type Owner = { email: string; userId: string };

/** The signed-in owner, or null: no session, an expired or revoked one, or a user who is not the owner. */
export async function currentOwner(): Promise<Owner | null> {
  const session = await auth().api.getSession({ headers: await headers() });
  if (!session || emailKey(session.user.email) !== emailKey(serverContext().ownerEmail)) return null;
  return { email: session.user.email, userId: session.user.id };
}

export async function requireOwner(): Promise<Owner> {
  const owner = await currentOwner();
  if (!owner) redirect("/desk/sign-in");
  return owner;
}

export const SIGNED_OUT: ActionState = {
  status: "error",
  message: "You are signed out. Sign in again to do this.",
};

/** A desk server action: owner checked, then `schema.safeParse` of the form's fields, then `body`. */
export function ownerAction<S extends z.ZodObject>(
  schema: S,
  body: (input: z.infer<S>, owner: Owner) => Promise<ActionState>,
) {
  return async (_previous: ActionState, formData: FormData): Promise<ActionState> => {
    const owner = await currentOwner();
    if (!owner) return SIGNED_OUT;
    const fields = Object.fromEntries(Object.keys(schema.shape).map((key) => [key, formData.get(key) ?? undefined]));
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
