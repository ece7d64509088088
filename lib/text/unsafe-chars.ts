/**
 * Characters a visitor's text must not carry into a stored request or an email: they could break a header,
 * or disguise text in the owner's inbox. One definition for the form's rules and the mail templates.
 */

/** C0 controls except tab, LF and CR; DEL; C1 controls. */
const CONTROLS = "\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f";
/** Tab, CR, LF and the Unicode line and paragraph separators: nothing a one-line value may hold. */
const BREAKS = "\\t\\r\\n\\u2028\\u2029";
/** Bidirectional embeddings, overrides and isolates, and the direction marks. */
const BIDI = "\\u202a-\\u202e\\u2066-\\u2069\\u200e\\u200f\\u061c";

/** Unsafe in a one-line value (a name, a subject): controls, breaks and bidi characters. */
export const UNSAFE_IN_LINE = `${CONTROLS}${BREAKS}${BIDI}`;
/** Unsafe in multi-line text (a description): the same, except that LF and tab are allowed. */
export const UNSAFE_IN_TEXT = `${CONTROLS}\\r\\u2028\\u2029${BIDI}`;
/** Unsafe in the description as the form accepts it (CR is normalised away first; LS/PS are kept). */
export const UNSAFE_IN_DESCRIPTION = `${CONTROLS}${BIDI}`;

/** Whether a value holds any character of a set above. */
export function hasUnsafe(value: string, set: string): boolean {
  return new RegExp(`[${set}]`).test(value);
}

/** Each run of characters of a set above replaced by one space. */
export function replaceUnsafe(value: string, set: string): string {
  return value.replace(new RegExp(`[${set}]+`, "g"), " ");
}
