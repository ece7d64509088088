import { Link } from "@/components/link";
import { site } from "@/lib/content";
import { MobileNav } from "./mobile-nav";
import { NavLinks } from "./nav-links";

export function SiteHeader() {
  return (
    <header className="sticky top-0 z-40 border-b border-slate-200 bg-white/95 backdrop-blur supports-[backdrop-filter]:bg-white/85">
      <nav aria-label="Main" className="container-page relative flex h-16 items-center justify-between gap-4">
        <Link href="/" className="inline-flex min-h-11 items-center text-xl font-bold tracking-tight text-ink">
          <span aria-hidden="true" className="mr-2 inline-block size-3 rounded-sm bg-brand-700" />
          {site.name}
          <span className="sr-only"> home</span>
        </Link>
        <div className="hidden items-center gap-4 md:flex">
          <NavLinks items={site.navigation} />
          <Link href={site.cta.link.href} className="button-primary">
            {site.cta.link.label}
          </Link>
        </div>
        <MobileNav items={site.navigation} openLabel={site.messages.menuOpen} closeLabel={site.messages.menuClose} cta={site.cta.link} />
      </nav>
    </header>
  );
}
