import { AGE_FILTERS } from "@/lib/leads/age";
import { SEARCH_MAX_LENGTH, type FilterChoices, type InboxFilter } from "@/lib/leads/inbox-filter";
import { defaultSort, INBOX_SORTS } from "@/lib/leads/inbox-sort";
import { deskInboxPath, deskPaths } from "@/lib/routes";

const SELECT = "mt-1 block min-h-11 w-full max-w-full rounded-md border border-slate-400 bg-white px-3";

function Choice({ id, label, children }: { id: string; label: string; children: React.ReactNode }) {
  return (
    <div className="max-w-full min-w-0">
      <label htmlFor={id} className="block text-sm font-semibold">
        {label}
      </label>
      {children}
    </div>
  );
}

/** A labelled filter: its options, led by one that leaves the filter off when `anyLabel` is given. */
function SelectChoice({
  name,
  label,
  value,
  anyLabel,
  options,
}: {
  name: string;
  label: string;
  value: string;
  anyLabel?: string;
  options: readonly { value: string; label: string }[];
}) {
  const id = `filter-${name}`;
  return (
    <Choice id={id} label={label}>
      <select id={id} name={name} defaultValue={value} className={SELECT}>
        {anyLabel === undefined ? null : <option value="">{anyLabel}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </Choice>
  );
}

/** A record of labelled entries (age filters, sort orders) as options keyed by the record's keys. */
const optionsOf = (entries: Record<string, { label: string }>) =>
  Object.entries(entries).map(([value, { label }]) => ({ value, label }));

/**
 * The inbox's search, filters and order: a plain GET form, so every view is a URL (bookmarkable, shareable
 * between the owner's devices) and works without JavaScript.
 */
export function InboxFilters({
  filter,
  status,
  choices,
}: {
  filter: InboxFilter;
  status: string;
  choices: FilterChoices;
}) {
  const filtered = Boolean(filter.query || filter.interest || filter.budgetValue || filter.age || filter.sort);
  const selects = [
    { name: "interest", label: "Interest", value: filter.interest ?? "", anyLabel: "Any", options: choices.interests },
    { name: "budget", label: "Budget", value: filter.budgetValue ?? "", anyLabel: "Any", options: choices.budgets },
    { name: "age", label: "Received", value: filter.age ?? "", anyLabel: "Any time", options: optionsOf(AGE_FILTERS) },
    { name: "sort", label: "Order", value: filter.sort ?? defaultSort(status), options: optionsOf(INBOX_SORTS) },
  ];
  return (
    <form
      method="get"
      action={deskPaths.inbox}
      role="search"
      aria-label="Search and filter leads"
      className="flex flex-wrap items-end gap-x-3 gap-y-3"
    >
      <input type="hidden" name="status" value={status} />
      <Choice id="desk-search" label="Search (reference, name, email, company, message)">
        <input
          id="desk-search"
          name="q"
          type="search"
          defaultValue={filter.query}
          maxLength={SEARCH_MAX_LENGTH}
          className="mt-1 block min-h-11 w-80 max-w-full rounded-md border border-slate-400 px-3"
        />
      </Choice>
      {selects.map((select) => (
        <SelectChoice key={select.name} {...select} />
      ))}
      <button type="submit" className="button-secondary">
        Search
      </button>
      {filtered ? (
        <a href={deskInboxPath({ status })} className="inline-flex min-h-11 items-center underline underline-offset-4">
          Clear filters
        </a>
      ) : null}
    </form>
  );
}
