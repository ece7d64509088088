"use client";

import { passkeyClient } from "@better-auth/passkey/client";
import { createAuthClient } from "better-auth/client";
import { useState } from "react";

// The only client code of the desk beyond its forms: WebAuthn needs the browser's credential API.
const client = createAuthClient({ plugins: [passkeyClient()] });

function useRun() {
  const [message, setMessage] = useState("");
  const [busy, setBusy] = useState(false);
  const run = async (task: () => Promise<string | null>) => {
    setBusy(true);
    setMessage("");
    try {
      const result = await task();
      if (result) setMessage(result);
    } finally {
      setBusy(false);
    }
  };
  return { message, busy, run };
}

function Status({ message }: { message: string }) {
  return (
    <p role="status" aria-live="polite" className="text-sm text-slate-800" data-testid="passkey-message">
      {message}
    </p>
  );
}

export function AddPasskeyButton() {
  const { message, busy, run } = useRun();
  return (
    <div className="space-y-2">
      <button
        type="button"
        className="button-primary"
        disabled={busy}
        onClick={() =>
          run(async () => {
            const result = await client.passkey.addPasskey({ name: "Desk passkey" });
            if (result?.error) return `No passkey was added: ${result.error.message ?? "the browser refused"}.`;
            window.location.reload();
            return "Passkey added.";
          })
        }
      >
        Add a passkey
      </button>
      <Status message={message} />
    </div>
  );
}

/** Signs in with a passkey, then opens `next` (a desk path the sign-in page has checked). */
export function PasskeySignInButton({ next }: { next: string }) {
  const { message, busy, run } = useRun();
  return (
    <div className="space-y-2">
      <button
        type="button"
        className="button-secondary"
        disabled={busy}
        onClick={() =>
          run(async () => {
            const result = await client.signIn.passkey();
            if (result?.error) return `Passkey sign-in did not work: ${result.error.message ?? "the browser refused"}.`;
            window.location.assign(next);
            return null;
          })
        }
      >
        Sign in with a passkey
      </button>
      <Status message={message} />
    </div>
  );
}
