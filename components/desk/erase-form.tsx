"use client";

import { echoedValue, fieldErrors, type DeskAction } from "@/lib/leads/action-state";
import { deskPaths } from "@/lib/routes";
import { ActionForm, DeskField } from "./action-form";

/** The erase page's form, bound to the guarded erase action the page passes in. */
export function EraseForm({ action, email }: { action: DeskAction; email?: string }) {
  return (
    <ActionForm
      action={action}
      path={deskPaths.erase}
      submitLabel="Erase everything of this person"
      label="Erase a person"
      buttonClassName="button-primary bg-red-700 hover:bg-red-800"
    >
      {(state) => (
        <>
          <DeskField id="erase-email" label="Email address" errors={fieldErrors(state, "email")}>
            {(control) => (
              <input
                {...control}
                name="email"
                type="email"
                required
                autoComplete="off"
                defaultValue={echoedValue(state, "email") ?? email}
                className="mt-1 block min-h-11 w-full max-w-md rounded-md border border-slate-400 px-3"
              />
            )}
          </DeskField>
          <DeskField
            id="erase-confirm"
            label="I understand that this cannot be undone."
            errors={fieldErrors(state, "confirm")}
            checkbox
          >
            {(control) => (
              <input {...control} name="confirm" type="checkbox" value="yes" required className="mt-1 size-5" />
            )}
          </DeskField>
        </>
      )}
    </ActionForm>
  );
}
