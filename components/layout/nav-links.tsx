"use client";

import { Link } from "@/components/link";
import { usePathname } from "next/navigation";
import { isCurrentPath } from "@/lib/is-current-path";

/** Desktop navigation links; marks the current section with aria-current. */
export function NavLinks({ items }: { items: { label: string; href: string }[] }) {
  const pathname = usePathname();
  return (
    <ul className="flex items-center gap-1">
      {items.map((item) => (
        <li key={item.href}>
          <Link
            href={item.href}
            aria-current={isCurrentPath(pathname, item.href) ? "page" : undefined}
            className="inline-flex min-h-11 items-center rounded-md px-3 font-medium text-slate-700 hover:text-brand-800 aria-[current=page]:text-brand-800 aria-[current=page]:underline aria-[current=page]:underline-offset-8"
          >
            {item.label}
          </Link>
        </li>
      ))}
    </ul>
  );
}
