import { site } from "@/lib/content";

/**
 * "Draft" or "Example" beside an entry that visitors never see (development only: a production build
 * leaves such entries out), so the owner can tell them from published ones.
 */
export function EntryBadge({ data }: { data: { draft?: boolean; example?: boolean } }) {
  const label = data.draft ? site.labels.draft : data.example ? site.labels.example : undefined;
  if (!label) return null;
  return (
    <span
      data-testid="entry-badge"
      className={[
        "ml-2 inline-block rounded-full border border-amber-700 bg-amber-50 px-2.5 py-0.5 align-middle",
        "text-sm font-semibold tracking-normal text-amber-950",
      ].join(" ")}
    >
      {label}
    </span>
  );
}
