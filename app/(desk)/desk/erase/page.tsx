import type { Metadata } from "next";
import { DeskFrame } from "@/components/desk/desk-frame";
import { EraseForm } from "@/components/desk/erase-form";
import { serverContext } from "@/lib/server/context";
import { leadEmail } from "@/lib/leads/queries";
import { deskPaths } from "@/lib/routes";
import { eraseAction } from "../actions/erase";
import { signOutAction } from "../actions/sign-out";
import { requireOwner } from "../guard";

export const metadata: Metadata = { title: "Erase a person" };

export default async function ErasePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  const owner = await requireOwner();
  const email = await leadEmail(serverContext().db, (await searchParams).reference);
  return (
    <DeskFrame current={deskPaths.erase} owner={owner.email} signOut={signOutAction}>
      <h1 className="text-3xl font-bold">Erase a person</h1>
      <div className="mt-4 max-w-3xl space-y-3 text-slate-800">
        <p>
          For a deletion request under POPIA. This removes, in one step, every quote request from this address (in any
          mix of capital letters) with its notes and timeline, every stored email to or about the person, and every copy
          of those emails in the mail folder. Mail still queued for them is never sent.
        </p>
        <p>
          The erasure log keeps only a keyed hash of the address, the counts and the date, so you can show the erasure
          was done without keeping the address.
        </p>
      </div>
      <div className="mt-8 max-w-xl">
        <EraseForm action={eraseAction} email={email ?? undefined} />
      </div>
    </DeskFrame>
  );
}
