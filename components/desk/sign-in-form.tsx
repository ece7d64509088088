"use client";

import { echoedValue, fieldErrors, type DeskAction } from "@/lib/leads/action-state";
import { deskPaths } from "@/lib/routes";
import { ActionForm, DeskField } from "./action-form";

/**
 * The sign-in page's email-link form, bound to the sign-in action the page passes in; `next` is the desk page
 * the emailed link opens (the action checks it again).
 */
export function SignInForm({ action, next }: { action: DeskAction; next: string }) {
  return (
    <ActionForm
      action={action}
      path={deskPaths.signIn}
      submitLabel="Email me a sign-in link"
      pendingLabel="Sending…"
      buttonClassName="button-primary"
      label="Sign in with an email link"
    >
      {(state) => (
        <>
          {next === deskPaths.inbox ? null : <input type="hidden" name="next" value={next} />}
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
        </>
      )}
    </ActionForm>
  );
}
