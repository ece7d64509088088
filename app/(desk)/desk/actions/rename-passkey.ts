"use server";

import { headers } from "next/headers";
import { z } from "zod";
import { auth } from "@/app/after-response";
import { PASSKEY_NAME_MAX_LENGTH } from "@/lib/auth/passkeys";
import { deskPaths } from "@/lib/routes";
import { revalidatePath } from "next/cache";
import { ownerAction } from "../safe-action";

/** Renames one of the owner's passkeys through the passkey plugin's own endpoint (it checks the owner owns it). */
export const renamePasskeyAction = ownerAction(
  z.object({
    id: z.string().min(1, { error: "A passkey is missing." }),
    name: z
      .string({ error: "Give the passkey a name." })
      .trim()
      .min(1, { error: "Give the passkey a name." })
      .max(PASSKEY_NAME_MAX_LENGTH, { error: `A name holds at most ${PASSKEY_NAME_MAX_LENGTH} characters.` }),
  }),
  async (input) => {
    try {
      await auth().api.updatePasskey({ body: { id: input.id, name: input.name }, headers: await headers() });
    } catch {
      return { status: "error", message: "That passkey could not be renamed; reload the page." };
    }
    revalidatePath(deskPaths.account);
    return { status: "ok", message: `Renamed to “${input.name}”.` };
  },
);
