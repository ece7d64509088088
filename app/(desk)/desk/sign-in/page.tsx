import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { DeskFrame } from "@/components/desk/desk-frame";
import { PasskeySignInButton } from "@/components/desk/passkey-buttons";
import { SignInForm } from "@/components/desk/sign-in-form";
import { deskReturnPath } from "@/lib/routes";
import { currentOwner } from "../guard";
import { requestSignInLink } from "./actions";

export const metadata: Metadata = { title: "Sign in" };

const ERRORS: Record<string, string> = {
  INVALID_TOKEN: "That sign-in link has expired or was already used. Ask for a new one.",
  EXPIRED_TOKEN: "That sign-in link has expired. Ask for a new one.",
};

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  const params = await searchParams;
  // The desk page the owner was going to (a path on this site only), where each way of signing in ends.
  const next = deskReturnPath(params.next);
  if (await currentOwner()) redirect(next);
  const error =
    typeof params.error === "string" ? (ERRORS[params.error] ?? "That sign-in did not work. Try again.") : null;
  return (
    <DeskFrame>
      <div className="max-w-xl">
        <h1 className="text-3xl font-bold">Sign in to the desk</h1>
        {error ? (
          <p className="mt-4 rounded-md border border-red-300 bg-red-50 p-3 text-red-800" data-testid="sign-in-error">
            {error}
          </p>
        ) : null}
        {params["signed-out"] ? (
          <p className="mt-4 rounded-md border border-slate-300 bg-slate-50 p-3">You are signed out.</p>
        ) : null}
        <p className="mt-4 text-slate-800">We email a link to the desk owner’s address. It works once.</p>
        <div className="mt-6">
          <SignInForm action={requestSignInLink} next={next} />
        </div>
        <h2 className="mt-10 text-xl font-bold">Or use a passkey</h2>
        <p className="mt-2 text-slate-800">If you added one on this device after signing in with a link.</p>
        <div className="mt-4">
          <PasskeySignInButton next={next} />
        </div>
      </div>
    </DeskFrame>
  );
}
