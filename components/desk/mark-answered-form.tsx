"use client";

import type { DeskAction } from "@/lib/leads/action-state";
import { deskLeadPath } from "@/lib/routes";
import { ActionForm } from "./action-form";

/** "Mark as answered": the form of the guarded action the lead's page passes in. */
export function MarkAnsweredForm({ reference, action }: { reference: string; action: DeskAction }) {
  return (
    <ActionForm path={deskLeadPath(reference)} action={action} submitLabel="Mark as answered" label="Mark as answered">
      {() => (
        <>
          <input type="hidden" name="reference" value={reference} />
          <p className="text-sm text-slate-700">
            Answered from your own mail? This stops the response clock and moves a New lead to In progress; nothing is
            sent.
          </p>
        </>
      )}
    </ActionForm>
  );
}
