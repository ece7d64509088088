"use client";

import { ActionForm, FieldError } from "@/components/desk/action-form";
import { eraseAction } from "../actions";

export function EraseForm({ email }: { email?: string }) {
  return (
    <ActionForm
      action={eraseAction}
      submitLabel="Erase everything of this person"
      label="Erase a person"
      buttonClassName="button-primary bg-red-700 hover:bg-red-800"
    >
      {(state) => {
        const errors = state.status === "error" ? state.fieldErrors : undefined;
        return (
          <>
            <div>
              <label htmlFor="erase-email" className="block font-semibold">
                Email address
              </label>
              <input
                id="erase-email"
                name="email"
                type="email"
                required
                autoComplete="off"
                defaultValue={state.status === "error" ? (state.values?.email ?? email) : email}
                aria-invalid={errors?.email ? true : undefined}
                aria-describedby={errors?.email ? "erase-email-error" : undefined}
                className="mt-1 block min-h-11 w-full max-w-md rounded-md border border-slate-400 px-3"
              />
              <FieldError id="erase-email-error" errors={errors?.email} />
            </div>
            <div className="flex items-start gap-2">
              <input
                id="erase-confirm"
                name="confirm"
                type="checkbox"
                value="yes"
                required
                aria-invalid={errors?.confirm ? true : undefined}
                aria-describedby={errors?.confirm ? "erase-confirm-error" : undefined}
                className="mt-1 size-5"
              />
              <label htmlFor="erase-confirm">I understand that this cannot be undone.</label>
            </div>
            <FieldError id="erase-confirm-error" errors={errors?.confirm} />
          </>
        );
      }}
    </ActionForm>
  );
}
