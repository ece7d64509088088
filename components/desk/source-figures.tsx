import type { SourceRow } from "@/lib/leads/queries";
import { plural } from "@/lib/text/plural";

/** "1.5 business hours"; a dash when nothing was measured. */
function hours(value: number | null): string {
  if (value === null) return "—";
  const rounded = Math.round(value * 10) / 10;
  return plural(rounded, "business hour", "business hours");
}

/** The sources table's win rate and median first response cells for one row. */
export function SourceFigures({ row }: { row: SourceRow }) {
  return (
    <>
      <td className="py-2 pr-4 text-right tabular-nums">
        {row.winRate === null ? "—" : `${Math.round(row.winRate * 100)}% of ${row.won + row.lost}`}
      </td>
      <td className="py-2 text-right whitespace-nowrap tabular-nums">{hours(row.medianFirstResponseHours)}</td>
    </>
  );
}
