"use client";

import { useEffect, useRef, useSyncExternalStore } from "react";
import { SHORTCUT_STATUS_KEYS, shortcutsAllowed, SHORTCUTS_STORAGE_KEY } from "./shortcut-keys";
import { STATUS_LABELS } from "@/lib/leads/status";

type Mode = "inbox" | "lead";

const CHANGED = "fsdev:shortcuts";

/** The switch's setting, remembered in this browser (another tab's change arrives as a storage event). */
function subscribe(onChange: () => void) {
  window.addEventListener("storage", onChange);
  window.addEventListener(CHANGED, onChange);
  return () => {
    window.removeEventListener("storage", onChange);
    window.removeEventListener(CHANGED, onChange);
  };
}

function readSetting(): "on" | "off" {
  return localStorage.getItem(SHORTCUTS_STORAGE_KEY) === "off" ? "off" : "on";
}

function toggle(on: boolean) {
  if (on) localStorage.removeItem(SHORTCUTS_STORAGE_KEY);
  else localStorage.setItem(SHORTCUTS_STORAGE_KEY, "off");
  window.dispatchEvent(new Event(CHANGED));
}

/** The list's items (the inbox's reference links) that are on screen, in order. */
function items(): HTMLAnchorElement[] {
  return [...document.querySelectorAll<HTMLAnchorElement>("a[data-desk-item]")].filter(
    (item) => item.offsetParent !== null,
  );
}

/** Moves focus `step` items along the list from the focused one (the first, when none is). */
function move(step: number) {
  const list = items();
  if (list.length === 0) return;
  const at = list.findIndex(
    (item) => item === document.activeElement || item.closest("tr")?.contains(document.activeElement),
  );
  const next = at === -1 ? (step > 0 ? 0 : list.length - 1) : Math.min(list.length - 1, Math.max(0, at + step));
  list[next]!.focus();
  list[next]!.scrollIntoView({ block: "nearest" });
}

/** Opens the focused item (or the first). */
function open() {
  const list = items();
  const focused = list.find((item) => item === document.activeElement) ?? list[0];
  focused?.click();
}

/** Sets the lead's status through its own "Change status" form, as pressing its button would. */
function setStatus(status: string) {
  const form = document.querySelector<HTMLFormElement>('form[aria-label="Change status"]');
  const select = form?.querySelector<HTMLSelectElement>('select[name="status"]');
  if (!form || !select) return;
  select.value = status;
  form.requestSubmit();
}

/**
 * The desk's single-key shortcuts (j/k/o on the inbox, the statuses on a lead's page, ? for their list), with a
 * switch that turns them off, remembered in this browser. Rendered only once JavaScript runs: without it the
 * desk works as plain links and forms, and offers no control that would do nothing.
 */
export function KeyboardShortcuts({ mode }: { mode: Mode }) {
  // "on" or "off" in the browser; null while rendering on the server (nothing is shown until JavaScript runs).
  const setting = useSyncExternalStore(subscribe, readSetting, () => null);
  const enabled = setting === "on";
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent) => {
      if (!shortcutsAllowed(event) || dialog.current?.open) return;
      const status = mode === "lead" ? SHORTCUT_STATUS_KEYS[event.key] : undefined;
      if (event.key === "?") dialog.current?.showModal();
      else if (mode === "inbox" && event.key === "j") move(1);
      else if (mode === "inbox" && event.key === "k") move(-1);
      else if (mode === "inbox" && event.key === "o") open();
      else if (status) setStatus(status);
      else return;
      event.preventDefault();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [enabled, mode]);

  if (setting === null) return null;

  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm" data-testid="shortcuts">
      <label className="inline-flex min-h-6 items-center gap-2">
        <input
          type="checkbox"
          className="h-5 w-5"
          checked={enabled}
          onChange={(event) => toggle(event.target.checked)}
        />
        Single-key shortcuts
      </label>
      <button type="button" className="underline underline-offset-4" onClick={() => dialog.current?.showModal()}>
        Keyboard shortcuts{enabled ? " (?)" : ""}
      </button>
      <dialog
        ref={dialog}
        aria-labelledby="shortcuts-heading"
        className="m-auto max-w-md rounded-lg border border-slate-300 bg-white p-6 text-ink backdrop:bg-slate-900/50"
      >
        <h2 id="shortcuts-heading" className="text-xl font-bold">
          Keyboard shortcuts
        </h2>
        <p className="mt-2">
          {enabled
            ? "Single keys act when the cursor is not in a text field."
            : "Single-key shortcuts are off in this browser; the switch beside this link turns them on."}
        </p>
        <dl className="mt-4 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
          {mode === "inbox" ? (
            <>
              <Key keys="j" does="next lead" />
              <Key keys="k" does="previous lead" />
              <Key keys="o or Enter" does="open the lead" />
            </>
          ) : (
            Object.entries(SHORTCUT_STATUS_KEYS).map(([key, status]) => (
              <Key key={key} keys={key} does={`status ${STATUS_LABELS[status]}`} />
            ))
          )}
          <Key keys="?" does="this list" />
          <Key keys="Esc" does="close it" />
        </dl>
        <form method="dialog" className="mt-6">
          <button type="submit" className="button-secondary">
            Close
          </button>
        </form>
      </dialog>
    </div>
  );
}

function Key({ keys, does }: { keys: string; does: string }) {
  return (
    <>
      <dt>
        <kbd className="rounded border border-slate-400 px-1.5 font-mono">{keys}</kbd>
      </dt>
      <dd>{does}</dd>
    </>
  );
}
