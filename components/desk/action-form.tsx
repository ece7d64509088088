"use client";

import { useActionState, type ReactNode } from "react";
import { fieldWiring } from "../field-wiring";
import { IDLE, type ActionState, type DeskAction } from "@/lib/leads/action-state";

type Props = {
  action: DeskAction;
  /**
   * The page the form is on (lib/routes.ts): its `action` attribute, where a browser without JavaScript posts
   * it (React's permalink; without one the attribute would be empty, which HTML does not allow).
   */
  path: string;
  submitLabel: string;
  pendingLabel?: string;
  /** The form's fields; given the last answer, to show field errors and echo values. */
  children?: (state: ActionState) => ReactNode;
  className?: string;
  buttonClassName?: string;
  /** A name for the form (aria-label), when a page has several. */
  label?: string;
  /** The form's id, for controls elsewhere on the page that belong to it (`form="..."`: the inbox's ticks). */
  id?: string;
};

/**
 * Every desk form: posts to a guarded server action (it also works without JavaScript), disables its
 * button while pending, and announces the answer in a live region next to the button.
 */
export function ActionForm({
  action,
  path,
  submitLabel,
  pendingLabel,
  children,
  className,
  buttonClassName = "button-secondary",
  label,
  id,
}: Props) {
  const [state, formAction, pending] = useActionState(action, IDLE, path);
  return (
    <form id={id} action={formAction} className={className ?? "space-y-3"} aria-label={label}>
      {children?.(state)}
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" className={buttonClassName} disabled={pending} aria-disabled={pending}>
          {pending ? (pendingLabel ?? submitLabel) : submitLabel}
        </button>
        <p
          role="status"
          aria-live="polite"
          className={state.status === "error" ? "text-sm font-medium text-red-700" : "text-sm text-slate-700"}
          data-testid="action-message"
        >
          {state.status === "idle" ? "" : state.message}
        </p>
      </div>
    </form>
  );
}

type DeskFieldProps = {
  id: string;
  label: ReactNode;
  errors?: string[];
  /** A checkbox: the control first, its label beside it. */
  checkbox?: boolean;
  children: (control: { id: string } & ReturnType<typeof fieldWiring>["aria"]) => ReactNode;
};

/**
 * A desk form's control with its label and error text, wired together: the field gives the control its id,
 * aria-describedby and aria-invalid (components/field-wiring.ts, as the quote form's fields do).
 */
export function DeskField({ id, label, errors, checkbox, children }: DeskFieldProps) {
  const { errorId, aria } = fieldWiring(id, { errors });
  const control = children({ id, ...aria });
  const error = errorId ? (
    <p id={errorId} className="text-sm font-medium text-red-700">
      {errors!.join(" ")}
    </p>
  ) : null;
  if (checkbox) {
    return (
      <div>
        <div className="flex items-start gap-2">
          {control}
          <label htmlFor={id}>{label}</label>
        </div>
        {error}
      </div>
    );
  }
  return (
    <div>
      <label htmlFor={id} className="block font-semibold">
        {label}
      </label>
      {control}
      {error}
    </div>
  );
}
