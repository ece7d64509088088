"use client";

import { ActionForm, DeskField } from "@/components/desk/action-form";
import { echoedValue, fieldErrors } from "@/components/desk/action-state";
import { requestSignInLink } from "../sign-in/actions";

export function SignInForm() {
  return (
    <ActionForm
      action={requestSignInLink}
      submitLabel="Email me a sign-in link"
      pendingLabel="Sending…"
      buttonClassName="button-primary"
      label="Sign in with an email link"
    >
      {(state) => (
        <DeskField id="sign-in-email" label="Email address" errors={fieldErrors(state, "email")}>
          {(control) => (
            <input
              {...control}
              name="email"
              type="email"
              autoComplete="username webauthn"
              required
              defaultValue={echoedValue(state, "email")}
              className="mt-1 block min-h-11 w-full max-w-md rounded-md border border-slate-400 px-3"
            />
          )}
        </DeskField>
      )}
    </ActionForm>
  );
}
