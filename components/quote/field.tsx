import type { ReactNode } from "react";

export type FieldProps = {
  id: string;
  label: string;
  required: boolean;
  requiredText: string;
  optionalText: string;
  hint?: string;
  errors?: string[];
  children: (describedBy: string | undefined, invalid: boolean) => ReactNode;
};

/** A label, the control, its hint and its errors, wired together with aria-describedby. */
export function Field({ id, label, required, requiredText, optionalText, hint, errors, children }: FieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block font-semibold text-ink">
        {label} <span className="font-normal text-slate-600">{required ? requiredText : optionalText}</span>
      </label>
      {hint ? (
        <p id={hintId} className="text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      {children(describedBy, Boolean(errorId))}
      {errorId ? (
        <p id={errorId} className="text-sm font-medium text-red-700" data-testid={`error-${id.replace(/^quote-/, "")}`}>
          {errors!.join(" ")}
        </p>
      ) : null}
    </div>
  );
}
