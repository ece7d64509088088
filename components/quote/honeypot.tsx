import { HONEYPOT_FIELD } from "@/lib/quotes/fields";

/** A trap for bots: a field hidden from sight, from screen readers and from the tab order. */
export function Honeypot({ label }: { label: string }) {
  return (
    <div aria-hidden="true" className="absolute top-auto -left-[9999px] h-px w-px overflow-hidden">
      <label htmlFor="quote-hp">{label}</label>
      <input id="quote-hp" type="text" name={HONEYPOT_FIELD} tabIndex={-1} autoComplete="off" defaultValue="" />
    </div>
  );
}
