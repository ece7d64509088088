"use server";

import { headers } from "next/headers";
import { z } from "zod";
import { auth } from "@/app/after-response";
import { listPasskeys } from "@/lib/auth/passkeys";
import { deskPaths } from "@/lib/routes";
import { serverContext } from "@/lib/server/context";
import { revalidatePath } from "next/cache";
import { ownerAction } from "../safe-action";

/**
 * Removes one of the owner's passkeys through the passkey plugin's own endpoint. The last one goes only with the
 * box ticked that says sign-in is then by emailed link alone.
 */
export const removePasskeyAction = ownerAction(
  z.object({ id: z.string().min(1, { error: "A passkey is missing." }), confirm: z.string().optional() }),
  async (input, owner) => {
    const keys = await listPasskeys(serverContext().db, owner.userId);
    if (keys.length === 1 && keys[0]!.id === input.id && input.confirm !== "yes") {
      return {
        status: "error",
        message: "Please check the form.",
        fieldErrors: { confirm: ["This is your last passkey: tick the box to remove it anyway."] },
      };
    }
    try {
      await auth().api.deletePasskey({ body: { id: input.id }, headers: await headers() });
    } catch {
      return { status: "error", message: "That passkey could not be removed; reload the page." };
    }
    revalidatePath(deskPaths.account);
    return { status: "ok", message: "Passkey removed." };
  },
);
