"use client";

import { Link } from "@/components/link";
import { usePathname } from "next/navigation";
import { isCurrentPath } from "@/lib/is-current-path";
import { useEffect, useId, useRef, useState } from "react";

type Item = { label: string; href: string };

/**
 * The phone-sized navigation: a disclosure button that shows the same links as the
 * desktop bar. Escape closes it and returns focus to the button; following a link closes it.
 */
export function MobileNav({ items, openLabel, closeLabel, cta }: { items: Item[]; openLabel: string; closeLabel: string; cta: Item }) {
  const [open, setOpen] = useState(false);
  const pathname = usePathname();
  const [lastPath, setLastPath] = useState(pathname);
  const button = useRef<HTMLButtonElement>(null);
  const panelId = useId();

  if (pathname !== lastPath) {
    setLastPath(pathname);
    setOpen(false);
  }

  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") {
        setOpen(false);
        button.current?.focus();
      }
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [open]);

  return (
    <div className="md:hidden">
      <button
        ref={button}
        type="button"
        className="inline-flex min-h-11 min-w-11 items-center justify-center gap-2 rounded-md border border-slate-300 px-3 font-semibold text-ink"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((value) => !value)}
      >
        <svg aria-hidden="true" width="20" height="20" viewBox="0 0 20 20" fill="none" stroke="currentColor" strokeWidth="2">
          {open ? <path d="M5 5l10 10M15 5L5 15" /> : <path d="M3 6h14M3 10h14M3 14h14" />}
        </svg>
        {open ? closeLabel : openLabel}
      </button>
      <div id={panelId} hidden={!open} className="absolute inset-x-0 top-full border-b border-slate-200 bg-white shadow-lg">
        <ul className="container-page flex flex-col py-2">
          {items.map((item) => (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={isCurrentPath(pathname, item.href) ? "page" : undefined}
                className="flex min-h-11 items-center rounded-md px-2 font-medium text-ink hover:bg-slate-100 aria-[current=page]:text-brand-800 aria-[current=page]:underline"
              >
                {item.label}
              </Link>
            </li>
          ))}
          <li className="py-2">
            <Link href={cta.href} className="button-primary w-full">
              {cta.label}
            </Link>
          </li>
        </ul>
      </div>
    </div>
  );
}
