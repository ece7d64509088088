"use client";

import { useActionState } from "react";
import { PRIVACY_CONFIRM_PATH } from "@/lib/routes";

type Props = {
  /** The confirmation action (app/(site)/privacy/request/confirm/actions.ts); it answers with a redirect. */
  action: (previous: null, formData: FormData) => Promise<null>;
  token: string;
  text: string;
  button: string;
};

/**
 * The confirmation page's one button. Its `action` attribute is the page itself (React's permalink), where a
 * browser without JavaScript posts it; the action then redirects to the outcome.
 */
export function ConfirmPrivacyForm({ action, token, text, button }: Props) {
  const [, formAction, pending] = useActionState(action, null, PRIVACY_CONFIRM_PATH);
  return (
    <form action={formAction} className="space-y-6">
      <p className="text-slate-700">{text}</p>
      <input type="hidden" name="token" value={token} />
      <button type="submit" className="button-primary" disabled={pending} aria-disabled={pending}>
        {button}
      </button>
    </form>
  );
}
