import type { ReactNode } from "react";
import { ActionForm } from "@/components/desk/action-form";
import { signOutAction } from "../actions";

const NAV = [
  { href: "/desk", label: "Inbox" },
  { href: "/desk/sources", label: "Sources" },
  { href: "/desk/erase", label: "Erase a person" },
  { href: "/desk/account", label: "Passkeys" },
] as const;

/** The desk's header (navigation, who is signed in, sign-out) and main landmark. */
export function DeskFrame({
  current,
  owner,
  children,
}: {
  current?: (typeof NAV)[number]["href"];
  owner?: string;
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
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          ) : null}
          {owner ? (
            <div className="flex flex-wrap items-center gap-3 text-sm text-slate-700">
              <span>Signed in as {owner}</span>
              <ActionForm action={signOutAction} submitLabel="Sign out" label="Sign out" className="" />
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
