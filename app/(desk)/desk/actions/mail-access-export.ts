"use server";

import { z } from "zod";
import { mailAccessExport } from "@/lib/privacy/desk";
import { serverContext } from "@/lib/server/context";
import { failed, refreshDesk } from "../action-results";
import { ownerAction } from "../safe-action";

/** Answers a confirmed access request: the JSON export, mailed to the address that confirmed it and nowhere else. */
export const mailAccessExportAction = ownerAction(
  z.object({ request: z.coerce.number().int().positive({ error: "Choose a privacy request." }) }),
  async (input, owner) => {
    const context = serverContext();
    const id = await mailAccessExport(input.request, {
      db: context.db,
      actor: owner.email,
      secret: context.settings.FORM_SECRET,
      mail: context.mail,
    });
    if (id === null) return failed("That privacy request is not confirmed or no longer exists.");
    const delivery = await context.deliver({ ids: [id], ignoreSchedule: true });
    refreshDesk();
    return delivery.sent === 1
      ? { status: "ok", message: "The access export was emailed to the confirmed address." }
      : { status: "ok", message: "The access export is queued for the confirmed address; sending is retried." };
  },
);
