import type { Metadata } from "next";
import { DeskFrame } from "@/components/desk/desk-frame";
import { EraseForm } from "@/components/desk/erase-form";
import { dateTime } from "@/components/desk/format";
import { PrivacyRequestActions } from "@/components/desk/privacy-request-actions";
import { serverContext } from "@/lib/server/context";
import { leadEmail } from "@/lib/leads/queries";
import { listPrivacyRequests, privacyRequestEmail } from "@/lib/privacy/desk";
import { KIND_LABEL } from "@/lib/privacy/mail";
import type { PrivacyKind } from "@/lib/privacy/fields";
import { deskErasePath, deskPaths, PRIVACY_REQUEST_PATH } from "@/lib/routes";
import { answerPrivacyRequestAction } from "../actions/answer-privacy-request";
import { eraseAction } from "../actions/erase";
import { mailAccessExportAction } from "../actions/mail-access-export";
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
  const query = await searchParams;
  const { db, settings } = serverContext();
  const zone = settings.BUSINESS_TIME_ZONE;
  const request = typeof query.request === "string" ? Number(query.request) : undefined;
  const email = (await privacyRequestEmail(db, request)) ?? (await leadEmail(db, query.reference));
  const requests = await listPrivacyRequests(db);
  return (
    <DeskFrame current={deskPaths.erase} owner={owner.email} signOut={signOutAction} overdue={await overdueNow()}>
      <h1 className="text-3xl font-bold">Privacy requests</h1>
      <section aria-labelledby="requests-heading" className="mt-6 max-w-4xl">
        <h2 id="requests-heading" className="text-xl font-bold">
          From the privacy request form
        </h2>
        <p className="mt-2 text-slate-800">
          Requests sent through{" "}
          <a href={PRIVACY_REQUEST_PATH} className="underline">
            the public form
          </a>{" "}
          appear here once the person has confirmed them from the link mailed to the address they named, so the address
          is theirs. Answer an access request with the export button (it goes to that address only), a deletion or a
          correction with the erase form below (a correction is an erasure, after which the person sends a new request),
          then mark it answered.
        </p>
        {requests.length === 0 ? (
          <p className="mt-4 text-slate-700" data-testid="privacy-requests-empty">
            No confirmed requests.
          </p>
        ) : (
          <ul className="mt-4 space-y-4" data-testid="privacy-requests">
            {requests.map((item) => (
              <li key={item.id} className="rounded-lg border border-slate-300 p-4" data-testid="privacy-request">
                <h3 className="text-lg font-semibold">
                  {KIND_LABEL[item.kind as PrivacyKind] ?? item.kind}: {item.email}
                </h3>
                <p className="text-sm text-slate-700">
                  Confirmed {item.confirmedAt ? dateTime(item.confirmedAt, zone) : "?"}
                  {item.answeredAt ? `; answered ${dateTime(item.answeredAt, zone)}` : "; open"}
                </p>
                {item.details ? <p className="mt-2 break-words whitespace-pre-line">{item.details}</p> : null}
                <div className="mt-3 flex flex-wrap items-start gap-4">
                  <PrivacyRequestActions
                    id={item.id}
                    access={item.kind === "access"}
                    open={item.status === "open"}
                    mailExport={mailAccessExportAction}
                    answer={answerPrivacyRequestAction}
                  />
                  {item.kind !== "access" && item.status === "open" ? (
                    <a href={deskErasePath(undefined, item.id)} className="button-secondary">
                      Fill in the erase form
                    </a>
                  ) : null}
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
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
