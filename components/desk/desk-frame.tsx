import type { ReactNode } from "react";
import type { DeskAction } from "@/lib/leads/action-state";
import { deskPaths } from "@/lib/routes";
import { ActionForm } from "./action-form";
import { OverdueCount } from "./overdue-count";

const NAV = [
  { href: deskPaths.inbox, label: "Inbox" },
  { href: deskPaths.sources, label: "Sources" },
  { href: deskPaths.erase, label: "Privacy requests" },
  { href: deskPaths.account, label: "Passkeys" },
] as const;

/** Signed in: who, and the sign-out action the page passes in. Signed out: neither (the sign-in page). */
type Session = { owner: string; signOut: DeskAction } | { owner?: undefined; signOut?: undefined };

/** The desk's header (navigation, who is signed in, sign-out) and main landmark. */
export function DeskFrame({
  current,
  path,
  owner,
  signOut,
  overdue = 0,
  children,
}: Session & {
  current?: (typeof NAV)[number]["href"];
  /** The page's own path, where the sign-out form posts without JavaScript; `current` (or the inbox) when absent. */
  path?: string;
  /** New leads past their due time unanswered, shown beside Inbox. */
  overdue?: number;
  children: ReactNode;
}) {
  return (
    <>
      <header className="border-b border-slate-200 bg-slate-50">
        <div className="container-page flex flex-wrap items-center justify-between gap-x-6 gap-y-2 py-3">
          <p className="text-lg font-bold text-ink">FS Dev desk</p>
          {owner ? (
            <nav aria-label="Desk">
              <ul className="flex flex-wrap gap-1">
                {NAV.map((item) => (
                  <li key={item.href}>
                    <a href={item.href} className="nav-link" aria-current={item.href === current ? "page" : undefined}>
                      {item.label}
                      {item.href === deskPaths.inbox ? <OverdueCount count={overdue} /> : null}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          ) : null}
          {owner ? (
            <div className="flex flex-wrap items-center gap-3 text-sm text-slate-700">
              <span>Signed in as {owner}</span>
              <ActionForm
                action={signOut}
                path={path ?? current ?? deskPaths.inbox}
                submitLabel="Sign out"
                label="Sign out"
                className=""
              />
            </div>
          ) : null}
        </div>
      </header>
      <main id="main" tabIndex={-1} className="container-page flex-1 py-8 focus:outline-none">
        {children}
      </main>
    </>
  );
}
