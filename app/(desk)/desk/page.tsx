import type { Metadata } from "next";
import { DeskFrame } from "@/components/desk/desk-frame";
import { BULK_FORM_ID, BulkActions } from "@/components/desk/bulk-actions";
import { DueTime } from "@/components/desk/due-time";
import { dateTime } from "@/components/desk/format";
import { InboxFilters } from "@/components/desk/inbox-filters";
import { InboxList } from "@/components/desk/inbox-list";
import { KeyboardShortcuts } from "@/components/desk/keyboard-shortcuts";
import { serverContext } from "@/lib/server/context";
import { AGE_FILTERS } from "@/lib/leads/age";
import { formatMoney } from "@/lib/leads/deal-value";
import { inboxQuery, parseInboxFilter } from "@/lib/leads/inbox-filter";
import { inboxPage } from "@/lib/leads/inbox-query";
import { defaultSort, INBOX_SORTS } from "@/lib/leads/inbox-sort";
import { SIGN_IN_CAP_NOTICE_DAYS, signInCapNotices } from "@/lib/leads/queries";
import { dueState } from "@/lib/leads/response-due";
import { quoteChoices } from "@/lib/quotes/catalog";
import { LEAD_STATUSES, STATUS_LABELS } from "@/lib/leads/status";
import { deskInboxPath, deskPaths } from "@/lib/routes";
import { plural } from "@/lib/text/plural";
import { bulkStatusAction } from "./actions/bulk-status";
import { signOutAction } from "./actions/sign-out";
import { requireOwner } from "./guard";
import { overdueNow } from "./overdue";

export const metadata: Metadata = { title: "Inbox" };

const TAB_CLASS = [
  "inline-flex min-h-11 items-center gap-2 border-b-2 border-transparent px-3 font-medium text-slate-700",
  "hover:text-brand-800 aria-[current=page]:border-brand-700 aria-[current=page]:text-brand-800",
].join(" ");

export default async function InboxPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  const params = await searchParams;
  const choices = quoteChoices();
  const parsed = parseInboxFilter(params, choices);
  const status = parsed.status ?? "new";
  const filter = { ...parsed, status, sort: parsed.sort ?? defaultSort(status) };
  const q = filter.query;
  const now = new Date();
  const inbox = await inboxPage(serverContext().db, filter, {
    now,
    timeZone: serverContext().settings.BUSINESS_TIME_ZONE,
    budgetLabels: choices.budgets.map((choice) => choice.label).reverse(),
  });
  /** The inbox with this view's filters, on another tab or page (each tab its own default order). */
  const inboxHref = (change: { status?: string; page?: number }) =>
    deskInboxPath(
      inboxQuery({
        ...filter,
        ...change,
        status: change.status ?? status,
        sort: parsed.sort,
        page: change.page,
      }),
    );
  // Signed out, the owner comes back to this very view after signing in.
  const owner = await requireOwner(Object.keys(params).length > 0 ? inboxHref({ page: filter.page }) : deskPaths.inbox);
  const clock = serverContext().clock;
  const narrowed = [
    filter.interest ? `, interest ${choices.interests.find((c) => c.value === filter.interest)?.label}` : "",
    filter.budget ? `, budget ${filter.budget}` : "",
    filter.age ? `, ${AGE_FILTERS[filter.age].label.toLowerCase()}` : "",
  ].join("");
  const order =
    (status === "in_progress" ? "due next steps first, then " : "") + INBOX_SORTS[filter.sort].label.toLowerCase();
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
                href={inboxHref({ status: tab })}
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

      <div className="mt-6 space-y-4">
        <InboxFilters filter={{ ...filter, sort: parsed.sort }} status={status} choices={choices} />
        <div className="flex flex-wrap items-end justify-between gap-4">
          <KeyboardShortcuts mode="inbox" />
          <form method="post" action={deskPaths.export}>
            {[...inboxQuery({ ...filter, status })].map(([name, value]) => (
              <input key={name} type="hidden" name={name} value={value} />
            ))}
            <button type="submit" className="button-secondary">
              Export CSV ({inbox.total})
            </button>
          </form>
        </div>
      </div>

      <p className="mt-6 text-slate-700" aria-live="polite" data-testid="inbox-summary">
        {inbox.total === 0
          ? `No ${STATUS_LABELS[status].toLowerCase()} leads${q ? ` matching “${q}”` : ""}${narrowed}.`
          : plural(
              inbox.total,
              `${STATUS_LABELS[status].toLowerCase()} lead`,
              `${STATUS_LABELS[status].toLowerCase()} leads`,
            ) + `${q ? ` matching “${q}”` : ""}${narrowed}, ${order}.`}
      </p>
      {inbox.totals.length > 0 ? (
        <p className="mt-1 text-slate-700" data-testid="deal-totals">
          Estimated deal value:{" "}
          {inbox.totals
            .map((total) => `${formatMoney(total.amount, total.currency)} (${total.leads} with a value)`)
            .join(" · ")}
        </p>
      ) : null}

      {/* Always there: after its last ticked leads have left the list, it still says what it did. */}
      <div className="mt-4">
        <BulkActions action={bulkStatusAction} path={inboxHref({ page: inbox.page })} />
      </div>
      {inbox.rows.length > 0 ? (
        <div className="mt-4">
          <InboxList
            rows={inbox.rows}
            caption={`${STATUS_LABELS[status]} leads, page ${inbox.page} of ${inbox.pages}`}
            bulkForm={BULK_FORM_ID}
            now={now}
            answerDue={
              status === "new"
                ? (row) => (row.firstResponseAt ? "Answered" : <DueTime due={dueState(row.createdAt, now, clock)} />)
                : undefined
            }
          />
        </div>
      ) : null}

      {inbox.pages > 1 ? (
        <nav aria-label="Pages" className="mt-6 flex items-center gap-4">
          {inbox.page > 1 ? (
            <a href={inboxHref({ page: inbox.page - 1 })} className="button-secondary" rel="prev">
              Newer
            </a>
          ) : null}
          <span>
            Page {inbox.page} of {inbox.pages}
          </span>
          {inbox.page < inbox.pages ? (
            <a href={inboxHref({ page: inbox.page + 1 })} className="button-secondary" rel="next">
              Older
            </a>
          ) : null}
        </nav>
      ) : null}
    </DeskFrame>
  );
}
