import type { WorkbenchRow } from "@/lib/leads/inbox-query";
import { formatMoney } from "@/lib/leads/deal-value";
import { deskLeadPath } from "@/lib/routes";
import { ageOf } from "./format";
import { MailBadge } from "./mail-badge";

/** A table row on a wide screen; below md, a card (the tick box in its top right corner). */
const ROW_CLASS = [
  "border-b border-slate-200 align-top focus-within:bg-brand-50",
  "max-md:relative max-md:block max-md:rounded-lg max-md:border max-md:p-3 max-md:pr-12",
].join(" ");

/** A cell with nothing to say takes no line on a phone's card. */
const EMPTY = "max-md:hidden";

const HEADINGS = ["Reference", "Name", "Company", "Interest", "Budget", "Deal value", "Next step", "Age"];

/** A cell that, on a phone, is a line of the lead's card with its column's name in front. */
function Cell({ label, children, className = "" }: { label: string; children: React.ReactNode; className?: string }) {
  return (
    <td className={`py-3 pr-4 max-md:py-0.5 max-md:pr-0 ${className}`}>
      <span className="font-semibold text-slate-700 md:hidden">{label}: </span>
      {children}
    </td>
  );
}

/**
 * The inbox's leads: a table on a wide screen, a list of cards on a phone (the same markup, restyled below the
 * md breakpoint, so nothing scrolls sideways). Each row's box belongs to the bulk form (`form`), and its
 * reference link is what j/k move through (`data-desk-item`).
 */
export function InboxList({
  rows,
  caption,
  bulkForm,
  now,
  answerDue,
}: {
  rows: WorkbenchRow[];
  caption: string;
  bulkForm: string;
  now: Date;
  /** The New tab's "Answer due" column: when each lead is due (the response clock), or that it was answered. */
  answerDue?: (row: WorkbenchRow) => React.ReactNode;
}) {
  const headings = [...HEADINGS, ...(answerDue ? ["Answer due"] : []), "Mail"];
  return (
    <table className="mt-4 w-full border-collapse text-left max-md:block" data-testid="inbox-list">
      <caption className="sr-only">{caption}</caption>
      <thead className="max-md:hidden">
        <tr className="border-b border-slate-300 text-sm text-slate-700">
          <td className="w-10 py-2">
            <span className="sr-only">Tick</span>
          </td>
          {headings.map((heading) => (
            <th key={heading} scope="col" className="py-2 pr-4 font-semibold">
              {heading}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="max-md:block max-md:space-y-3">
        {rows.map((row) => (
          <tr key={row.reference} className={ROW_CLASS} data-testid="inbox-row">
            <td className="py-3 pr-2 max-md:absolute max-md:top-2 max-md:right-2 max-md:p-0">
              <label className="inline-flex h-11 w-11 items-center justify-center">
                <input
                  type="checkbox"
                  name="reference"
                  value={row.reference}
                  form={bulkForm}
                  className="h-5 w-5"
                  aria-label={`Tick ${row.reference}`}
                />
              </label>
            </td>
            <th scope="row" className="py-3 pr-4 font-medium max-md:block max-md:py-0.5">
              <a
                href={deskLeadPath(row.reference)}
                data-desk-item
                className="inline-flex min-h-6 items-center text-brand-800 underline underline-offset-4"
              >
                {row.reference}
              </a>
            </th>
            <Cell label="Name" className="max-md:block max-md:font-semibold">
              {row.name}
            </Cell>
            <Cell label="Company" className="max-md:block">
              {row.company ?? "—"}
            </Cell>
            <Cell label="Interest" className="max-md:block">
              {row.interestLabel}
            </Cell>
            <Cell label="Budget" className="max-md:block">
              {row.budget}
            </Cell>
            <Cell
              label="Deal value"
              className={`whitespace-nowrap max-md:block ${row.dealAmount === null ? EMPTY : ""}`}
            >
              {row.dealAmount !== null && row.dealCurrency ? formatMoney(row.dealAmount, row.dealCurrency) : "—"}
            </Cell>
            <Cell label="Next step" className={`max-md:block ${row.nextStep ? "" : EMPTY}`}>
              {row.nextStep && row.nextStepAt ? (
                <>
                  {row.due ? (
                    <strong
                      className="mr-1 rounded border border-amber-300 bg-amber-50 px-1.5 text-amber-950"
                      data-testid="due-badge"
                    >
                      Due
                    </strong>
                  ) : null}
                  {row.nextStep}{" "}
                  <time dateTime={row.nextStepAt.toISOString().slice(0, 10)} className="whitespace-nowrap">
                    ({row.nextStepAt.toISOString().slice(0, 10)})
                  </time>
                </>
              ) : (
                "—"
              )}
            </Cell>
            <Cell label="Age" className="whitespace-nowrap max-md:block">
              <time dateTime={row.createdAt.toISOString()}>{ageOf(row.createdAt, now)}</time>
            </Cell>
            {answerDue ? (
              <Cell label="Answer due" className="max-md:block">
                {answerDue(row)}
              </Cell>
            ) : null}
            <Cell label="Mail" className="max-md:block">
              <MailBadge state={row.mail} />
            </Cell>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
