"use client";

import { ActionForm, FieldError } from "@/components/desk/action-form";
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
      {(state) => {
        const errors = state.status === "error" ? state.fieldErrors?.email : undefined;
        return (
          <div>
            <label htmlFor="sign-in-email" className="block font-semibold">
              Email address
            </label>
            <input
              id="sign-in-email"
              name="email"
              type="email"
              autoComplete="username webauthn"
              required
              defaultValue={state.status === "error" ? state.values?.email : undefined}
              aria-invalid={errors ? true : undefined}
              aria-describedby={errors ? "sign-in-email-error" : undefined}
              className="mt-1 block min-h-11 w-full max-w-md rounded-md border border-slate-400 px-3"
            />
            <FieldError id="sign-in-email-error" errors={errors} />
          </div>
        );
      }}
    </ActionForm>
  );
}
