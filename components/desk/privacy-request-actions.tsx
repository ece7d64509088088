"use client";

import type { DeskAction } from "@/lib/leads/action-state";
import { deskPaths } from "@/lib/routes";
import { ActionForm } from "./action-form";

type Props = {
  id: number;
  /** Access requests get the export button; every open request can be marked answered. */
  access: boolean;
  open: boolean;
  mailExport: DeskAction;
  answer: DeskAction;
};

/** A confirmed privacy request's answers: mail the access export to its address, mark it answered. */
export function PrivacyRequestActions({ id, access, open, mailExport, answer }: Props) {
  return (
    <div className="flex flex-wrap gap-4">
      {access ? (
        <ActionForm
          action={mailExport}
          path={deskPaths.erase}
          submitLabel="Email the access export to this address"
          pendingLabel="Sending…"
          label={`Access export for request ${id}`}
        >
          {() => <input type="hidden" name="request" value={id} />}
        </ActionForm>
      ) : null}
      {open ? (
        <ActionForm
          action={answer}
          path={deskPaths.erase}
          submitLabel="Mark as answered"
          label={`Answer request ${id}`}
        >
          {() => <input type="hidden" name="request" value={id} />}
        </ActionForm>
      ) : null}
    </div>
  );
}
