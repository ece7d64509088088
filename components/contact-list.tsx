import { CONTACT_KEYS, telHref } from "@/lib/content/contact";
import { site } from "@/lib/content";

const hrefs = {
  email: (value: string) => `mailto:${value}`,
  phone: telHref,
  linkedin: (value: string) => value,
  github: (value: string) => value,
} as const;

/** A profile URL shown without its scheme ("https://github.com/x" -> "github.com/x"). */
const shown = (key: (typeof CONTACT_KEYS)[number], value: string) =>
  key === "linkedin" || key === "github" ? value.replace(/^https:\/\/(www\.)?/, "").replace(/\/$/, "") : value;

/**
 * The contact facts the owner filled in (content/site.ts `contact`), as working links: a `mailto:`,
 * a `tel:` and the profile pages. Nothing is rendered for an empty fact, and nothing at all when
 * none is given, so the site never shows a placeholder address.
 */
export function ContactList({ className = "", linkClassName = "" }: { className?: string; linkClassName?: string }) {
  const given = CONTACT_KEYS.flatMap((key) => {
    const value = site.contact[key];
    return value ? [{ key, value }] : [];
  });
  if (given.length === 0) return null;
  return (
    <dl className={className} data-testid="contact-list">
      {given.map(({ key, value }) => (
        <div key={key} className="flex flex-wrap gap-x-2">
          <dt className="font-semibold">{site.labels[key]}:</dt>
          <dd>
            <a
              href={hrefs[key](value)}
              className={`underline underline-offset-4 hover:text-brand-800 ${linkClassName}`}
              {...(key === "linkedin" || key === "github" ? { rel: "me noopener" } : {})}
            >
              {shown(key, value)}
            </a>
          </dd>
        </div>
      ))}
    </dl>
  );
}
