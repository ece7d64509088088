import type { Metadata } from "next";
import { DeskFrame } from "@/components/desk/desk-frame";
import { EraseForm } from "@/components/desk/erase-form";
import { serverContext } from "@/lib/server/context";
import { leadEmail } from "@/lib/leads/queries";
import { deskPaths } from "@/lib/routes";
import { eraseAction } from "../actions/erase";
import { signOutAction } from "../actions/sign-out";
import { requireOwner } from "../guard";
import { overdueNow } from "../overdue";

export const metadata: Metadata = { title: "Privacy requests" };

export default async function ErasePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  const owner = await requireOwner(deskPaths.erase);
  const email = await leadEmail(serverContext().db, (await searchParams).reference);
  return (
    <DeskFrame current={deskPaths.erase} owner={owner.email} signOut={signOutAction} overdue={await overdueNow()}>
      <h1 className="text-3xl font-bold">Privacy requests</h1>
      <section aria-labelledby="access-heading" className="mt-6 max-w-3xl">
        <h2 id="access-heading" className="text-xl font-bold">
          Access request: what we hold about a person
        </h2>
        <p className="mt-2 text-slate-800">
          For a request under POPIA section 23. Downloads one JSON file with every quote request from this address (in
          any mix of capital letters, every field), every stored email to or about the person, and the timelines of
          their requests. The audit trail records the download without the address.
        </p>
        <form method="post" action={deskPaths.access} className="mt-4 flex flex-wrap items-end gap-3">
          <div>
            <label htmlFor="access-email" className="block font-medium">
              Address to look up
            </label>
            <input
              id="access-email"
              name="email"
              type="email"
              required
              autoComplete="off"
              defaultValue={email ?? undefined}
              className="mt-1 block min-h-11 w-72 max-w-full rounded-md border border-slate-400 px-3"
            />
          </div>
          <button type="submit" className="button-secondary">
            Download what we hold
          </button>
        </form>
      </section>
      <section aria-labelledby="erase-heading" className="mt-10">
        <h2 id="erase-heading" className="text-xl font-bold">
          Erase a person
        </h2>
        <div className="mt-2 max-w-3xl space-y-3 text-slate-800">
          <p>
            For a deletion request under POPIA. This removes, in one step, every quote request from this address (in any
            mix of capital letters) with its notes and timeline, every stored email to or about the person, every copy
            of those emails in the mail folder, and any pending sign-in that holds the address; where one of your notes
            on another lead names the address, the address is replaced with &ldquo;[erased address]&rdquo;. Mail still
            queued for them is never sent; if a message was already on its way to the mail server, the result tells you
            whether it was delivered.
          </p>
          <p>
            The erasure log keeps only a keyed hash of the address, the counts and the date, so you can show the erasure
            was done without keeping the address.
          </p>
        </div>
        <div className="mt-8 max-w-xl">
          <EraseForm action={eraseAction} email={email ?? undefined} />
        </div>
      </section>
    </DeskFrame>
  );
}
