"use client";

import { fieldErrors, type DeskAction } from "@/lib/leads/action-state";
import { BULK_STATUSES } from "@/lib/leads/plan-limits";
import { STATUS_LABELS } from "@/lib/leads/status";
import { ActionForm, DeskField } from "./action-form";

/** The form the inbox's checkboxes belong to (their `form` attribute): it also works without JavaScript. */
export const BULK_FORM_ID = "inbox-bulk";

/** "With the ticked leads: [Mark as spam | Mark as lost] [Apply]". */
export function BulkActions({ action, path }: { action: DeskAction; path: string }) {
  return (
    <ActionForm
      id={BULK_FORM_ID}
      path={path}
      action={action}
      submitLabel="Apply to ticked leads"
      pendingLabel="Applying…"
      label="Bulk action"
      className="flex flex-wrap items-end gap-3"
    >
      {(state) => (
        <>
          <DeskField
            id="bulk-to"
            label="With the ticked leads"
            errors={fieldErrors(state, "to") ?? fieldErrors(state, "reference")}
          >
            {(control) => (
              <select {...control} name="to" className="mt-1 min-h-11 rounded-md border border-slate-400 bg-white px-3">
                {BULK_STATUSES.map((status) => (
                  <option key={status} value={status}>
                    Mark as {STATUS_LABELS[status].toLowerCase()}
                  </option>
                ))}
              </select>
            )}
          </DeskField>
        </>
      )}
    </ActionForm>
  );
}
