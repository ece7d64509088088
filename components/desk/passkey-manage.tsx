"use client";

import { echoedValue, fieldErrors, type DeskAction } from "@/lib/leads/action-state";
import { deskPaths } from "@/lib/routes";
import { ActionForm, DeskField } from "./action-form";

export type PasskeyActions = Record<"rename" | "remove", DeskAction>;

/**
 * Rename and remove one passkey: two guarded forms (they work without JavaScript). Removing the last one asks
 * for a ticked box first: sign-in then goes by emailed link alone.
 */
export function PasskeyManage({
  actions,
  id,
  name,
  last,
  maxLength,
}: {
  actions: PasskeyActions;
  id: string;
  name: string;
  last: boolean;
  maxLength: number;
}) {
  const hidden = <input type="hidden" name="id" value={id} />;
  return (
    <div className="mt-2 flex flex-wrap items-end gap-x-6 gap-y-3">
      <ActionForm
        key={name}
        path={deskPaths.account}
        action={actions.rename}
        submitLabel="Rename"
        label={`Rename ${name}`}
        className="flex flex-wrap items-end gap-3"
      >
        {(state) => (
          <>
            {hidden}
            <DeskField id={`passkey-name-${id}`} label={`New name for ${name}`} errors={fieldErrors(state, "name")}>
              {(control) => (
                <input
                  {...control}
                  name="name"
                  maxLength={maxLength}
                  autoComplete="off"
                  defaultValue={echoedValue(state, "name") ?? name}
                  className="mt-1 block min-h-11 rounded-md border border-slate-400 px-3"
                />
              )}
            </DeskField>
          </>
        )}
      </ActionForm>
      <ActionForm
        path={deskPaths.account}
        action={actions.remove}
        submitLabel="Remove"
        label={`Remove ${name}`}
        className="flex flex-wrap items-end gap-3"
      >
        {(state) => (
          <>
            {hidden}
            {last ? (
              <DeskField
                id={`passkey-confirm-${id}`}
                checkbox
                label="It is my last passkey: sign in by emailed link from now on"
                errors={fieldErrors(state, "confirm")}
              >
                {(control) => <input {...control} type="checkbox" name="confirm" value="yes" className="h-5 w-5" />}
              </DeskField>
            ) : null}
          </>
        )}
      </ActionForm>
    </div>
  );
}
