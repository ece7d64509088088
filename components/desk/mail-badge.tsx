import type { MailState } from "@/lib/leads/queries";
import { MAIL_LABELS } from "./mail-status";

const STYLES: Record<MailState, string> = {
  sent: "bg-emerald-50 text-emerald-800 ring-emerald-700/30",
  pending: "bg-amber-50 text-amber-900 ring-amber-700/30",
  failed: "bg-red-50 text-red-800 ring-red-700/30",
  held: "bg-slate-100 text-slate-800 ring-slate-600/30",
  none: "bg-slate-100 text-slate-800 ring-slate-600/30",
};

export function MailBadge({ state }: { state: MailState }) {
  return (
    <span className={`inline-flex rounded px-2 py-0.5 text-sm font-medium ring-1 ring-inset ${STYLES[state]}`}>
      {MAIL_LABELS[state]}
    </span>
  );
}
