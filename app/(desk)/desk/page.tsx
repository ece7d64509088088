import type { Metadata } from "next";
import { DeskFrame } from "@/components/desk/desk-frame";
import { ageOf, dateTime } from "@/components/desk/format";
import { DueTime } from "@/components/desk/due-time";
import { MailBadge } from "@/components/desk/mail-badge";
import { serverContext } from "@/lib/server/context";
import { parseInboxFilter, SEARCH_MAX_LENGTH } from "@/lib/leads/inbox-filter";
import { inboxOrderLabel } from "@/lib/leads/due-order";
import { listLeads, SIGN_IN_CAP_NOTICE_DAYS, signInCapNotices } from "@/lib/leads/queries";
import { dueState } from "@/lib/leads/response-due";
import { LEAD_STATUSES, STATUS_LABELS } from "@/lib/leads/status";
import { deskInboxPath, deskLeadPath, deskPaths } from "@/lib/routes";
import { plural } from "@/lib/text/plural";
import { signOutAction } from "./actions/sign-out";
import { requireOwner } from "./guard";
import { overdueNow } from "./overdue";

export const metadata: Metadata = { title: "Inbox" };

const TAB_CLASS = [
  "inline-flex min-h-11 items-center gap-2 border-b-2 border-transparent px-3 font-medium text-slate-700",
  "hover:text-brand-800 aria-[current=page]:border-brand-700 aria-[current=page]:text-brand-800",
].join(" ");

function inboxHref(params: { status: string; q?: string; page?: number }): string {
  const query = new URLSearchParams({ status: params.status });
  if (params.q) query.set("q", params.q);
  if (params.page && params.page > 1) query.set("page", String(params.page));
  return deskInboxPath(query);
}

export default async function InboxPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  const params = await searchParams;
  const filter = parseInboxFilter(params);
  const status = filter.status ?? "new";
  const q = filter.query;
  const owner = await requireOwner(
    Object.keys(params).length > 0 ? inboxHref({ status, q, page: filter.page }) : deskPaths.inbox,
  );
  const inbox = await listLeads(serverContext().db, { status, query: q, page: filter.page });
  const now = new Date();
  const clock = serverContext().clock;
  const capped = await signInCapNotices(serverContext().db, now);

  return (
    <DeskFrame current={deskPaths.inbox} owner={owner.email} signOut={signOutAction} overdue={await overdueNow()}>
      <h1 className="text-3xl font-bold">Inbox</h1>

      {capped.length > 0 ? (
        <div role="note" className="mt-4 rounded-md border border-amber-400 bg-amber-50 p-4" data-testid="sign-in-cap">
          <p className="font-semibold">
            The cap on sign-in links was reached {plural(capped.length, "time", "times")} in the last{" "}
            {SIGN_IN_CAP_NOTICE_DAYS} days.
          </p>
          <ul className="mt-2 list-disc pl-6 text-sm text-slate-800">
            {capped.map((event) => (
              <li key={event.id}>
                <time dateTime={event.createdAt.toISOString()}>
                  {dateTime(event.createdAt, serverContext().settings.BUSINESS_TIME_ZONE)}
                </time>
                : {event.detail}
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      <nav aria-label="Lead status" className="mt-6 border-b border-slate-200">
        <ul className="-mb-px flex flex-wrap gap-1">
          {LEAD_STATUSES.map((tab) => (
            <li key={tab}>
              <a
                href={inboxHref({ status: tab, q })}
                aria-current={tab === status ? "page" : undefined}
                className={TAB_CLASS}
              >
                {STATUS_LABELS[tab]}
                <span className="rounded-full bg-slate-100 px-2 text-sm text-slate-800" data-testid={`count-${tab}`}>
                  {inbox.counts[tab]}
                </span>
              </a>
            </li>
          ))}
        </ul>
      </nav>

      <div className="mt-6 flex flex-wrap items-end justify-between gap-4">
        <form method="get" action={deskPaths.inbox} role="search" className="flex flex-wrap items-end gap-2">
          <input type="hidden" name="status" value={status} />
          <div>
            <label htmlFor="desk-search" className="block text-sm font-semibold">
              Search reference, name, email or company
            </label>
            <input
              id="desk-search"
              name="q"
              type="search"
              defaultValue={q}
              maxLength={SEARCH_MAX_LENGTH}
              className="mt-1 min-h-11 w-72 max-w-full rounded-md border border-slate-400 px-3"
            />
          </div>
          <button type="submit" className="button-secondary">
            Search
          </button>
        </form>
        <form method="post" action={deskPaths.export}>
          <input type="hidden" name="status" value={status} />
          {q ? <input type="hidden" name="q" value={q} /> : null}
          <button type="submit" className="button-secondary">
            Export CSV ({inbox.total})
          </button>
        </form>
      </div>

      <p className="mt-6 text-slate-700" aria-live="polite">
        {inbox.total === 0
          ? `No ${STATUS_LABELS[status].toLowerCase()} leads${q ? ` matching “${q}”` : ""}.`
          : plural(
              inbox.total,
              `${STATUS_LABELS[status].toLowerCase()} lead`,
              `${STATUS_LABELS[status].toLowerCase()} leads`,
            ) + `${q ? ` matching “${q}”` : ""}, ${inboxOrderLabel(status)}.`}
      </p>

      {inbox.rows.length > 0 ? (
        <div className="mt-4 overflow-x-auto">
          <table className="w-full min-w-[48rem] border-collapse text-left">
            <caption className="sr-only">
              {STATUS_LABELS[status]} leads, page {inbox.page} of {inbox.pages}
            </caption>
            <thead>
              <tr className="border-b border-slate-300 text-sm text-slate-700">
                {[
                  "Reference",
                  "Name",
                  "Company",
                  "Interest",
                  "Budget",
                  "Age",
                  ...(status === "new" ? ["Due"] : []),
                  "Mail",
                ].map((heading) => (
                  <th key={heading} scope="col" className="py-2 pr-4 font-semibold">
                    {heading}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {inbox.rows.map((row) => (
                <tr key={row.reference} className="border-b border-slate-200 align-top">
                  <th scope="row" className="py-3 pr-4 font-medium">
                    <a href={deskLeadPath(row.reference)} className="text-brand-800 underline underline-offset-4">
                      {row.reference}
                    </a>
                  </th>
                  <td className="py-3 pr-4">{row.name}</td>
                  <td className="py-3 pr-4">{row.company ?? "—"}</td>
                  <td className="py-3 pr-4">{row.interestLabel}</td>
                  <td className="py-3 pr-4">{row.budget}</td>
                  <td className="py-3 pr-4 whitespace-nowrap">
                    <time dateTime={row.createdAt.toISOString()}>{ageOf(row.createdAt, now)}</time>
                  </td>
                  {status === "new" ? (
                    <td className="py-3 pr-4">
                      {row.firstResponseAt ? "Answered" : <DueTime due={dueState(row.createdAt, now, clock)} />}
                    </td>
                  ) : null}
                  <td className="py-3 pr-4">
                    <MailBadge state={row.mail} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}

      {inbox.pages > 1 ? (
        <nav aria-label="Pages" className="mt-6 flex items-center gap-4">
          {inbox.page > 1 ? (
            <a href={inboxHref({ status, q, page: inbox.page - 1 })} className="button-secondary" rel="prev">
              Newer
            </a>
          ) : null}
          <span>
            Page {inbox.page} of {inbox.pages}
          </span>
          {inbox.page < inbox.pages ? (
            <a href={inboxHref({ status, q, page: inbox.page + 1 })} className="button-secondary" rel="next">
              Older
            </a>
          ) : null}
        </nav>
      ) : null}
    </DeskFrame>
  );
}
