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
      <Choice id="filter-interest" label="Interest">
        <select id="filter-interest" name="interest" defaultValue={filter.interest ?? ""} className={SELECT}>
          <option value="">Any</option>
          {choices.interests.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </select>
      </Choice>
      <Choice id="filter-budget" label="Budget">
        <select id="filter-budget" name="budget" defaultValue={filter.budgetValue ?? ""} className={SELECT}>
          <option value="">Any</option>
          {choices.budgets.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </select>
      </Choice>
      <Choice id="filter-age" label="Received">
        <select id="filter-age" name="age" defaultValue={filter.age ?? ""} className={SELECT}>
          <option value="">Any time</option>
          {Object.entries(AGE_FILTERS).map(([key, age]) => (
            <option key={key} value={key}>
              {age.label}
            </option>
          ))}
        </select>
      </Choice>
      <Choice id="filter-sort" label="Order">
        <select id="filter-sort" name="sort" defaultValue={filter.sort ?? defaultSort(status)} className={SELECT}>
          {Object.entries(INBOX_SORTS).map(([key, sort]) => (
            <option key={key} value={key}>
              {sort.label}
            </option>
          ))}
        </select>
      </Choice>
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
