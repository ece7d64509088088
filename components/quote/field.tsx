import type { ReactNode } from "react";
import { fieldWiring } from "../field-wiring";

/** What the control of a field is given: its id and name, and the wiring to its label, hint and errors. */
export type ControlProps = {
  id: string;
  name: string;
  required: boolean;
  "aria-describedby": string | undefined;
  "aria-invalid": true | undefined;
  className: string;
};

export type FieldProps = {
  id: string;
  name: string;
  label: string;
  required: boolean;
  requiredText: string;
  optionalText: string;
  hint?: string;
  errors?: string[];
  /** The id of text outside the field that also describes the control (a notice above a checkbox). */
  describedBy?: string;
  /** A checkbox: the control first, its label beside it. */
  checkbox?: boolean;
  children: (control: ControlProps) => ReactNode;
};

const INPUT_CLASS = [
  "block w-full rounded-md border border-slate-400 bg-white px-3 py-2.5 text-ink shadow-sm",
  "aria-[invalid=true]:border-red-700 aria-[invalid=true]:ring-1 aria-[invalid=true]:ring-red-700",
].join(" ");
const CHECKBOX_CLASS = "mt-1 size-5 shrink-0 accent-brand-700";

/**
 * A label, the control, its hint and its errors, wired together: the field gives the control its id, name,
 * aria-describedby and aria-invalid, so a form is a list of fields and their controls' own attributes.
 */
export function Field(props: FieldProps) {
  const { id, name, label, required, hint, errors, describedBy, checkbox, children } = props;
  const { hintId, errorId, aria } = fieldWiring(id, { errors, hint: Boolean(hint), describedBy });
  const control = children({ id, name, required, ...aria, className: checkbox ? CHECKBOX_CLASS : INPUT_CLASS });
  const labelElement = (
    <label htmlFor={id} className={checkbox ? "font-medium text-ink" : "block font-semibold text-ink"}>
      {label} <span className="font-normal text-slate-600">{required ? props.requiredText : props.optionalText}</span>
    </label>
  );
  const error = errorId ? (
    <p id={errorId} className="text-sm font-medium text-red-700" data-testid={`error-${name}`}>
      {errors!.join(" ")}
    </p>
  ) : null;

  if (checkbox) {
    return (
      <div className="mt-3 space-y-2">
        <div className="flex items-start gap-3">
          {control}
          {labelElement}
        </div>
        {error}
      </div>
    );
  }
  return (
    <div className="space-y-1.5">
      {labelElement}
      {hint ? (
        <p id={hintId} className="text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      {control}
      {error}
    </div>
  );
}
