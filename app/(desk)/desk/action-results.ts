/**
 * What a desk action does once lib/leads has answered: refresh the desk's pages that show the change and
 * answer the form (the mail it queued goes out through app/after-response.ts).
 */
import { revalidatePath } from "next/cache";
import type { ActionState } from "@/lib/leads/action-state";
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
