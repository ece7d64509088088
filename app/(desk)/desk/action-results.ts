/**
 * What a desk action does once lib/leads has answered: refresh the desk's pages that show the change, send
 * the mail it queued after the response, and answer the form.
 */
import { revalidatePath } from "next/cache";
import { after } from "next/server";
import type { ActionState } from "@/lib/leads/action-state";
import type { leadContextFromEnv } from "@/lib/leads/from-env";
import { DESK_PATH, deskLeadPath } from "@/lib/routes";

/** Every desk page (the inbox's counts, the lists) shows stale data after a change. */
export function refreshDesk(): void {
  revalidatePath(DESK_PATH, "layout");
}

/** A lead changed: its page and the desk's lists are refreshed, the form says `message`. */
export function done(reference: string, message: string): ActionState {
  refreshDesk();
  revalidatePath(deskLeadPath(reference));
  return { status: "ok", message };
}

export function failed(message: string): ActionState {
  return { status: "error", message };
}

/** Mail queued by an action goes out after the response; the outbox keeps it if that fails. */
export function deliverAfter(ids: number[], deliver: ReturnType<typeof leadContextFromEnv>["deliver"]) {
  if (ids.length === 0) return;
  after(async () => {
    try {
      await deliver({ ids, ignoreSchedule: true });
    } catch (error) {
      console.error("desk: delivery after an action failed; the outbox keeps the messages", error);
    }
  });
}
