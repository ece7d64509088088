"use server";

import { z } from "zod";
import { answerPrivacyRequest } from "@/lib/privacy/desk";
import { serverContext } from "@/lib/server/context";
import { failed, refreshDesk } from "../action-results";
import { ownerAction } from "../safe-action";

/** "Mark as answered": a confirmed privacy request leaves the open list; the audit trail records it. */
export const answerPrivacyRequestAction = ownerAction(
  z.object({ request: z.coerce.number().int().positive({ error: "Choose a privacy request." }) }),
  async (input, owner) => {
    const ok = await answerPrivacyRequest(input.request, { db: serverContext().db, actor: owner.email });
    if (!ok) return failed("That privacy request is already answered or no longer exists.");
    refreshDesk();
    return { status: "ok", message: "Marked as answered." };
  },
);
