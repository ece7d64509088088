/**
 * How a form control is tied to its hint and error text: their ids, derived from the control's, and the
 * aria-describedby and aria-invalid the control carries. Used by the quote form's fields and the desk's.
 */
export function fieldWiring(id: string, opts: { errors?: string[]; hint?: boolean; describedBy?: string }) {
  const hintId = opts.hint ? `${id}-hint` : undefined;
  const errorId = opts.errors?.length ? `${id}-error` : undefined;
  return {
    hintId,
    errorId,
    aria: {
      "aria-describedby": [opts.describedBy, hintId, errorId].filter(Boolean).join(" ") || undefined,
      "aria-invalid": errorId ? (true as const) : undefined,
    },
  };
}
