import { countOverdue } from "@/lib/leads/overdue";
import { serverContext } from "@/lib/server/context";

/** How many New leads are past their due time unanswered, for the desk navigation (DeskFrame's `overdue`). */
export async function overdueNow(): Promise<number> {
  const context = serverContext();
  return countOverdue(context.db, context.clock, new Date());
}
