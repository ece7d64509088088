/**
 * The desk's one door. Pages and the export route call `requireOwner()` or `currentOwner()`; every server action
 * is built with `ownerAction()` (./safe-action.ts), which calls `currentOwner()` before anything else.
 * (`proxy.ts` and Next.js refuse cross-site posts before any of this runs.)
 */
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { auth } from "@/app/after-response";
import { serverContext } from "@/lib/server/context";
import { emailKey } from "@/lib/leads/keys";
import { deskSignInPath } from "@/lib/routes";

export type Owner = { email: string; userId: string };

/** The signed-in owner, or null: no session, an expired or revoked one, or a user who is not the owner. */
export async function currentOwner(): Promise<Owner | null> {
  const session = await auth().api.getSession({ headers: await headers() });
  if (!session || emailKey(session.user.email) !== emailKey(serverContext().ownerEmail)) return null;
  return { email: session.user.email, userId: session.user.id };
}

/** The signed-in owner; otherwise a redirect to sign-in, which returns to `path` (this page) afterwards. */
export async function requireOwner(path?: string): Promise<Owner> {
  const owner = await currentOwner();
  if (!owner) redirect(deskSignInPath(path));
  return owner;
}
