import type { DueState } from "@/lib/leads/response-due";

/**
 * A New lead's due time: the absolute local time, and how far off it is in business time ("due in 3 business
 * hours", "overdue by 2 business hours"). Overdue reads in words as well as colour.
 */
export function DueTime({ due }: { due: DueState }) {
  return (
    <span className="inline-flex flex-col" data-testid="due-time" data-overdue={due.overdue ? "true" : "false"}>
      <time dateTime={due.dueAt.toISOString()} className="whitespace-nowrap">
        {due.local}
      </time>
      <span className={due.overdue ? "text-sm font-semibold text-red-800" : "text-sm text-slate-700"}>
        {due.relative}
      </span>
    </span>
  );
}
