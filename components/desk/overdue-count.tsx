/** The desk navigation's count of overdue leads, beside "Inbox" (nothing when none is overdue). */
export function OverdueCount({ count }: { count: number }) {
  if (count === 0) return null;
  return (
    <>
      {" "}
      <span
        className={[
          "ml-1 rounded-full bg-red-50 px-2 text-sm font-semibold text-red-800",
          "ring-1 ring-red-700/30 ring-inset",
        ].join(" ")}
        data-testid="overdue-count"
      >
        {count} overdue
      </span>
    </>
  );
}
