/**
 * The desk's action contract: what every desk form action answers (a message for the live region, per-field
 * errors, the values typed) and the shape of such an action. app/ produces it (the guarded actions, the
 * sign-in action) and components/desk renders it, so it lives here, below both, as lib/quotes/form-state.ts
 * does for the quote form. Plain types and functions: client components import it too.
 */
export type ActionState =
  | { status: "idle" }
  | { status: "ok"; message: string }
  | {
      status: "error";
      message: string;
      fieldErrors?: Record<string, string[] | undefined>;
      /** Echoed back so nothing typed is lost (never a secret). */
      values?: Record<string, string>;
    };

/** A desk form's server action, as useActionState calls it: the last answer and the posted form in. */
export type DeskAction = (previous: ActionState, formData: FormData) => Promise<ActionState>;

export const IDLE: ActionState = { status: "idle" };

/** A field's errors in the last answer: only a refused answer has any. */
export function fieldErrors(state: ActionState, name: string): string[] | undefined {
  return state.status === "error" ? state.fieldErrors?.[name] : undefined;
}

/** What was typed into a field, as a refused answer echoes it back (nothing otherwise). */
export function echoedValue(state: ActionState, name: string): string | undefined {
  return state.status === "error" ? state.values?.[name] : undefined;
}
