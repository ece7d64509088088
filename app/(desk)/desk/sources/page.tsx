import type { Metadata } from "next";
import { DeskFrame } from "@/components/desk/desk-frame";
import { serverContext } from "@/lib/server/context";
import { SourceFigures } from "@/components/desk/source-figures";
import { formatTally } from "@/lib/leads/deal-value";
import { sourcesReport, type SourceRow } from "@/lib/leads/queries";
import { deskPaths } from "@/lib/routes";
import { signOutAction } from "../actions/sign-out";
import { requireOwner } from "../guard";
import { overdueNow } from "../overdue";

export const metadata: Metadata = { title: "Sources" };

function SourceTable({ caption, heading, rows }: { caption: string; heading: string; rows: SourceRow[] }) {
  if (rows.length === 0) return <p className="mt-3 text-slate-700">No leads in this period.</p>;
  return (
    <table className="mt-3 w-full border-collapse text-left">
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr className="border-b border-slate-300 text-sm text-slate-700">
          <th scope="col" className="py-2 pr-4 font-semibold">
            {heading}
          </th>
          <th scope="col" className="py-2 pr-4 text-right font-semibold">
            Leads
          </th>
          <th scope="col" className="py-2 pr-4 text-right font-semibold">
            Won
          </th>
          <th scope="col" className="py-2 pr-4 text-right font-semibold">
            Won value
          </th>
          <th scope="col" className="py-2 pr-4 text-right font-semibold">
            Win rate
          </th>
          <th scope="col" className="py-2 text-right font-semibold">
            Median first response
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key} className="border-b border-slate-200">
            <th scope="row" className="py-2 pr-4 font-normal break-all">
              {row.key}
            </th>
            <td className="py-2 pr-4 text-right tabular-nums">{row.leads}</td>
            <td className="py-2 pr-4 text-right tabular-nums">{row.won}</td>
            <td className="py-2 pr-4 text-right tabular-nums">{formatTally(row.wonValue)}</td>
            <SourceFigures row={row} />
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export default async function SourcesPage() {
  const owner = await requireOwner(deskPaths.sources);
  const now = new Date();
  const reports = await Promise.all(
    [30, 90].map((days) => sourcesReport(serverContext().db, days, now, serverContext().clock)),
  );
  return (
    <DeskFrame current={deskPaths.sources} owner={owner.email} signOut={signOutAction} overdue={await overdueNow()}>
      <h1 className="text-3xl font-bold">Sources</h1>
      <p className="mt-2 max-w-3xl text-slate-700">
        Where leads came from: the page of this site a visitor was on just before the form, and the campaign tags of
        that page or of the form's own address, from what each request already stores. Spam is left out. No tracking
        script, no visitor cookie. Won value adds up the estimated deal values of won leads, per currency. Win rate: won
        of the leads decided (won or lost). Median first response: business hours from arrival to the first answer (a
        reply or “Mark as answered”), over the leads answered.
      </p>
      {reports.map((report) => (
        <section key={report.days} aria-labelledby={`sources-${report.days}`} className="mt-10">
          <h2 id={`sources-${report.days}`} className="text-2xl font-bold">
            Last {report.days} days
          </h2>
          <div className="mt-4 grid gap-8 lg:grid-cols-2">
            <div>
              <h3 className="text-lg font-semibold">By page before the form</h3>
              <SourceTable
                caption={`Leads per page before the form, last ${report.days} days`}
                heading="Page"
                rows={report.pages}
              />
            </div>
            <div>
              <h3 className="text-lg font-semibold">By campaign</h3>
              <SourceTable
                caption={`Leads per UTM campaign, last ${report.days} days`}
                heading="Campaign (source)"
                rows={report.campaigns}
              />
            </div>
          </div>
        </section>
      ))}
    </DeskFrame>
  );
}
