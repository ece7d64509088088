import { site } from "@/lib/content";

export function SiteFooter() {
  const year = new Date().getFullYear();
  return (
    <footer className="defer-render border-t border-slate-200 bg-slate-50">
      <div className="container-page grid gap-8 py-10 md:grid-cols-2">
        <div>
          <p className="text-lg font-bold text-ink">{site.name}</p>
          <p className="mt-2 max-w-md text-slate-700">{site.footerNote}</p>
          <p className="mt-2 text-slate-700">
            {site.location.locality}, {site.location.region}, {site.location.country}
          </p>
        </div>
        <nav aria-label="Footer">
          <ul className="grid grid-cols-2 gap-x-6 gap-y-1">
            {site.footerNavigation.map((item) => (
              <li key={item.href}>
                <a
                  href={item.href}
                  className={[
                    "inline-flex min-h-11 items-center text-slate-700 underline-offset-4",
                    "hover:text-brand-800 hover:underline",
                  ].join(" ")}
                >
                  {item.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </div>
      <p className="container-page pb-8 text-sm text-slate-600">
        © {year} {site.name}
      </p>
    </footer>
  );
}
