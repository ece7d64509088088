/** What every desk form action answers: a message for the live region, per-field errors, the values typed. */
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

export const IDLE: ActionState = { status: "idle" };

/** A field's errors in the last answer: only a refused answer has any. */
export function fieldErrors(state: ActionState, name: string): string[] | undefined {
  return state.status === "error" ? state.fieldErrors?.[name] : undefined;
}

/** What was typed into a field, as a refused answer echoes it back (nothing otherwise). */
export function echoedValue(state: ActionState, name: string): string | undefined {
  return state.status === "error" ? state.values?.[name] : undefined;
}
