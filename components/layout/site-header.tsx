// The raw facts, not lib/content's validated copy: the error page (a client component on every route)
// renders this header too, and the validator would add zod to every page's JavaScript. The fields used
// here are all required ones, which lib/content/site.ts validates at build time.
import { site } from "@/content/site";
import { isCurrentPath } from "./is-current-path";

const MENU_ID = "site-menu";

type Current = (href: string) => "page" | undefined;

/** The main navigation's items, shared by the desktop bar and the phone menu. */
function NavItems({ linkClassName, current }: { linkClassName: string; current: Current }) {
  return site.navigation.map((item) => (
    <li key={item.href}>
      <a href={item.href} aria-current={current(item.href)} className={linkClassName}>
        {item.label}
      </a>
    </li>
  ));
}

/**
 * The site header, rendered on the server for the page it heads (`currentPath` marks the current
 * section with aria-current). At phone size the links sit in a native popover: the button opens
 * and closes it, Escape or a click elsewhere closes it and focus returns to the button, and the
 * browser tells assistive technology whether it is expanded. None of it needs JavaScript.
 */
export function SiteHeader({ currentPath }: { currentPath?: string }) {
  const current: Current = (href) => (currentPath && isCurrentPath(currentPath, href) ? "page" : undefined);
  return (
    <header className="group sticky top-0 z-40 border-b border-slate-200 bg-white">
      <nav aria-label="Main" className="container-page relative flex h-16 items-center justify-between gap-4">
        <a
          href="/"
          aria-current={current("/")}
          className="inline-flex min-h-11 items-center text-xl font-bold tracking-tight text-ink"
        >
          <span aria-hidden="true" className="mr-2 inline-block size-3 rounded-sm bg-brand-700" />
          {site.name}
          <span className="sr-only"> home</span>
        </a>
        <div className="hidden items-center gap-4 md:flex">
          <ul className="flex items-center gap-1">
            <NavItems linkClassName="nav-link" current={current} />
          </ul>
          <a href={site.cta.link.href} className="button-primary">
            {site.cta.link.label}
          </a>
        </div>
        <button
          type="button"
          popoverTarget={MENU_ID}
          className={[
            "inline-flex min-h-11 min-w-11 items-center justify-center gap-2 rounded-md border border-slate-300",
            "px-3 font-semibold text-ink md:hidden",
          ].join(" ")}
        >
          <svg
            aria-hidden="true"
            width="20"
            height="20"
            viewBox="0 0 20 20"
            fill="none"
            stroke="currentColor"
            strokeWidth="2"
          >
            <path className="group-has-[:popover-open]:hidden" d="M3 6h14M3 10h14M3 14h14" />
            <path className="hidden group-has-[:popover-open]:inline" d="M5 5l10 10M15 5L5 15" />
          </svg>
          {site.messages.menu}
        </button>
        <div
          id={MENU_ID}
          popover="auto"
          className={[
            "inset-x-0 top-16 bottom-auto m-0 w-full max-w-none border-0 border-b border-slate-200 bg-white p-0",
            "text-ink shadow-lg md:hidden",
          ].join(" ")}
        >
          <ul className="container-page flex flex-col py-2">
            <NavItems linkClassName="menu-link" current={current} />
            <li className="py-2">
              <a href={site.cta.link.href} className="button-primary w-full">
                {site.cta.link.label}
              </a>
            </li>
          </ul>
        </div>
      </nav>
    </header>
  );
}
