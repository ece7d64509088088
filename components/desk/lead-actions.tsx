"use client";

import { echoedValue, fieldErrors, type DeskAction } from "@/lib/leads/action-state";
import { LEAD_STATUSES, STATUS_LABELS } from "@/lib/leads/status";
import { deskLeadPath } from "@/lib/routes";
import { ActionForm, DeskField } from "./action-form";

/** The guarded actions a lead's page offers, passed in by the page (components/ never import app/). */
export type LeadActionSet = Record<"changeStatus" | "markSpam" | "releaseSpam" | "retryMail" | "addNote", DeskAction>;

/**
 * The forms of a lead's page, each bound to its guarded action (a client component: each form renders from
 * its action's last answer).
 */
export function LeadActions({
  actions,
  reference,
  status,
  mailWaiting,
}: {
  actions: LeadActionSet;
  reference: string;
  status: string;
  mailWaiting: boolean;
}) {
  const hidden = <input type="hidden" name="reference" value={reference} />;
  const path = deskLeadPath(reference);
  return (
    <div className="space-y-8">
      <ActionForm path={path} action={actions.changeStatus} submitLabel="Change status" label="Change status">
        {(state) => (
          <>
            {hidden}
            <DeskField id="lead-status" label="Status" errors={fieldErrors(state, "status")}>
              {(control) => (
                // Keyed by the stored status: after a change, React resets the form to its first default, and the
                // control would offer the old status again (pressing the button would silently move the lead back).
                <select
                  key={status}
                  {...control}
                  name="status"
                  defaultValue={echoedValue(state, "status") ?? status}
                  className="mt-1 min-h-11 rounded-md border border-slate-400 bg-white px-3"
                >
                  {LEAD_STATUSES.map((value) => (
                    <option key={value} value={value}>
                      {STATUS_LABELS[value]}
                    </option>
                  ))}
                </select>
              )}
            </DeskField>
          </>
        )}
      </ActionForm>

      {status === "spam" ? (
        <ActionForm
          path={path}
          key="release"
          action={actions.releaseSpam}
          submitLabel="Not spam: move to New and send its mail"
          label="Not spam"
        >
          {() => hidden}
        </ActionForm>
      ) : (
        <ActionForm key="spam" path={path} action={actions.markSpam} submitLabel="Mark as spam" label="Mark as spam">
          {() => hidden}
        </ActionForm>
      )}

      {mailWaiting ? (
        <ActionForm
          path={path}
          action={actions.retryMail}
          submitLabel="Retry mail now"
          pendingLabel="Sending…"
          label="Retry mail"
        >
          {() => hidden}
        </ActionForm>
      ) : null}

      <ActionForm path={path} action={actions.addNote} submitLabel="Add note" label="Add a note">
        {(state) => (
          <>
            {hidden}
            <DeskField id="lead-note" label="Note" errors={fieldErrors(state, "note")}>
              {(control) => (
                <textarea
                  {...control}
                  name="note"
                  rows={3}
                  maxLength={4000}
                  defaultValue={echoedValue(state, "note")}
                  className="mt-1 block w-full max-w-2xl rounded-md border border-slate-400 px-3 py-2"
                />
              )}
            </DeskField>
          </>
        )}
      </ActionForm>
    </div>
  );
}
