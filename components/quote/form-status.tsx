import type { Ref } from "react";
import type { QuoteFormCopy } from "@/lib/quotes/copy-schema";
import type { QuoteFormState } from "@/lib/quotes/form-state";
import { QUOTE_FIELDS } from "@/lib/quotes/fields";
import { labelMessage } from "./label-message";
import { quoteFieldId } from "./quote-field";

type Props = { state: QuoteFormState; copy: QuoteFormCopy; ref: Ref<HTMLDivElement> };

/**
 * The form's live region: why the last reply refused the request and, for invalid fields, a summary linking
 * to each. It sits outside the form, which remounts on every reply: a live region must persist to be announced.
 */
export function FormStatus({ state, copy, ref }: Props) {
  const messages = {
    idle: "",
    ok: "",
    invalid: copy.errorSummary,
    rate_limited: copy.rateLimited,
    unavailable: copy.unavailable,
    expired: copy.expired,
    unconfirmed: copy.unconfirmed,
    outdated: copy.outdated,
  };
  const message = messages[state.status];
  const errors = state.status === "invalid" ? state.fieldErrors : {};
  return (
    <div ref={ref} tabIndex={-1} aria-live="polite" data-testid="form-status" className="focus:outline-none">
      {message ? (
        <div className="rounded-md border border-red-700 bg-red-50 p-4 text-red-900">
          <p className="font-semibold">{message}</p>
          {state.status === "invalid" ? (
            <ul className="mt-2 list-disc pl-5">
              {QUOTE_FIELDS.filter((field) => errors[field]?.length).map((field) => (
                <li key={field}>
                  <a href={`#${quoteFieldId(field)}`} className="underline">
                    {labelMessage(copy.fields[field].label, errors[field]![0]!)}
                  </a>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
