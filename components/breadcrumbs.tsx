export type Crumb = { label: string; href: string };

/** Trail for nested pages; the last crumb is the current page. */
export function Breadcrumbs({ items }: { items: Crumb[] }) {
  return (
    <nav aria-label="Breadcrumb" className="mb-4 text-sm">
      <ol className="flex flex-wrap items-center gap-x-2 text-slate-600">
        {items.map((item, index) => {
          const last = index === items.length - 1;
          return (
            <li key={item.href} className="flex items-center gap-2">
              {last ? (
                <span aria-current="page" className="text-slate-700">
                  {item.label}
                </span>
              ) : (
                <>
                  <a
                    href={item.href}
                    className="inline-flex min-h-6 items-center underline underline-offset-2 hover:text-brand-800"
                  >
                    {item.label}
                  </a>
                  <span aria-hidden="true">/</span>
                </>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
