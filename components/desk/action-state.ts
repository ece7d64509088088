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
