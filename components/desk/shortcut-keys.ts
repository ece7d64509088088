import type { LeadStatus } from "@/lib/leads/status";

/** Where the desk remembers that the owner turned single-key shortcuts off ("off"; absent means on). */
export const SHORTCUTS_STORAGE_KEY = "fsdev.desk.shortcuts";

/** A lead page's status keys. */
export const SHORTCUT_STATUS_KEYS: Record<string, LeadStatus> = {
  n: "new",
  p: "in_progress",
  w: "won",
  l: "lost",
  s: "spam",
};

/** Inputs that take no typed text: a shortcut may fire while one has focus (a ticked checkbox, a button). */
const NON_TEXT_INPUTS = new Set(["checkbox", "radio", "button", "submit", "reset", "image", "file", "range", "color"]);

function isField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !NON_TEXT_INPUTS.has(target.type);
}

/**
 * A key press may run a single-key shortcut: no modifier (Ctrl, Alt, Meta: the browser's and the screen reader's
 * own keys), not repeated, not composing text, and focus not in a field.
 */
export function shortcutsAllowed(event: KeyboardEvent): boolean {
  return !event.ctrlKey && !event.metaKey && !event.altKey && !event.isComposing && !isField(event.target);
}
