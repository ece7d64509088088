"use client";

import { useActionState, useEffect, useRef } from "react";
import type { QuoteFormCopy } from "@/lib/quotes/copy-schema";
import type { InterestGroups } from "@/lib/quotes/catalog";
import { initialQuoteFormState, type QuoteFormState } from "@/lib/quotes/form-state";
import { LIMITS, PHONE_PATTERN, QUOTE_FIELDS } from "@/lib/quotes/fields";
import { QUOTE_PATH } from "@/lib/routes";
import { FormStatus } from "./form-status";
import { Honeypot } from "./honeypot";
import { QuoteField, quoteFieldId } from "./quote-field";
import { QuoteSuccess } from "./quote-success";

export type QuoteFormProps = {
  /** The server action the form posts to (app/(site)/quote/actions.ts). */
  action: (previous: QuoteFormState, formData: FormData) => Promise<QuoteFormState>;
  copy: QuoteFormCopy;
  interests: InterestGroups;
  /** The interest a quote link asked for (the static copy of the page for it). */
  preselect?: string;
};

/**
 * The quote form. A plain form post to the server action without JavaScript; with it,
 * useActionState keeps the page, disables the button while sending, moves focus to the first
 * problem, and keeps every typed value (the action echoes them back).
 */
export function QuoteForm({ action, copy, interests, preselect }: QuoteFormProps) {
  // The permalink is the form's `action` attribute, where a browser without JavaScript posts it: the form's own
  // page (a preselected copy too: the action takes posts to QUOTE_PATH only), never an empty attribute.
  const [state, formAction, pending] = useActionState<QuoteFormState, FormData>(
    action,
    initialQuoteFormState,
    QUOTE_PATH,
  );
  const statusRef = useRef<HTMLDivElement>(null);
  const successRef = useRef<HTMLHeadingElement>(null);

  const values = state.status !== "idle" && state.status !== "ok" ? state.values : {};
  const errors = state.status === "invalid" ? state.fieldErrors : {};
  const firstInvalid = QUOTE_FIELDS.find((field) => errors[field]?.length);
  // The form token comes in a cookie (proxy.ts); a reply that asks to send again may carry a new one for
  // browsers that keep no cookies.
  const token = state.status !== "idle" && state.status !== "ok" ? state.formToken : undefined;

  useEffect(() => {
    if (state.status === "ok") successRef.current?.focus();
    else if (state.status === "invalid" && firstInvalid) document.getElementById(quoteFieldId(firstInvalid))?.focus();
    else if (state.status !== "idle") statusRef.current?.focus();
  }, [state, firstInvalid]);

  if (state.status === "ok") {
    return (
      <QuoteSuccess
        copy={copy.success}
        reference={state.reference}
        promise={state.promise}
        bookingUrl={state.bookingUrl}
        headingRef={successRef}
      />
    );
  }

  const wiring = { copy, errors };

  return (
    <div className="space-y-6">
      <p id="quote-intro" className="text-slate-700">
        {copy.intro}
      </p>
      <FormStatus ref={statusRef} state={state} copy={copy} />

      <form
        key={state.status === "idle" ? "initial" : state.attempt}
        action={formAction}
        noValidate
        className="space-y-6"
        aria-describedby="quote-intro"
        data-testid="quote-form"
      >
        {token ? <input type="hidden" name="formToken" value={token} /> : null}
        <Honeypot label={copy.fields.honeypot.label} />

        <fieldset className="space-y-6">
          <legend className="sr-only">{copy.legend}</legend>
          <div className="grid gap-6 md:grid-cols-2">
            <QuoteField {...wiring} name="name" required>
              {(control) => (
                <input
                  {...control}
                  type="text"
                  autoComplete="name"
                  minLength={LIMITS.name.min}
                  maxLength={LIMITS.name.max}
                  defaultValue={values.name ?? ""}
                />
              )}
            </QuoteField>
            <QuoteField {...wiring} name="email" required>
              {(control) => (
                <input
                  {...control}
                  type="email"
                  autoComplete="email"
                  maxLength={LIMITS.email.max}
                  spellCheck={false}
                  defaultValue={values.email ?? ""}
                />
              )}
            </QuoteField>
            <QuoteField {...wiring} name="company" required={false}>
              {(control) => (
                <input
                  {...control}
                  type="text"
                  autoComplete="organization"
                  maxLength={LIMITS.company.max}
                  defaultValue={values.company ?? ""}
                />
              )}
            </QuoteField>
            <QuoteField {...wiring} name="phone" required={false}>
              {(control) => (
                <input
                  {...control}
                  type="tel"
                  autoComplete="tel"
                  pattern={PHONE_PATTERN}
                  maxLength={LIMITS.phone.max}
                  defaultValue={values.phone ?? ""}
                />
              )}
            </QuoteField>
          </div>

          <QuoteField {...wiring} name="interest" required>
            {(control) => (
              <select {...control} defaultValue={values.interest ?? preselect ?? ""}>
                <option value="">{copy.fields.interest.placeholder}</option>
                {(["services", "products"] as const).map((group) => (
                  <optgroup key={group} label={group === "services" ? copy.servicesGroup : copy.productsGroup}>
                    {interests[group].map((choice) => (
                      <option key={choice.value} value={choice.value}>
                        {choice.label}
                      </option>
                    ))}
                  </optgroup>
                ))}
                <option value={interests.other.value}>{interests.other.label}</option>
              </select>
            )}
          </QuoteField>

          <div className="grid gap-6 md:grid-cols-2">
            {(["budget", "timeline"] as const).map((name) => (
              <QuoteField key={name} {...wiring} name={name} required>
                {(control) => (
                  <select {...control} defaultValue={values[name] ?? ""}>
                    <option value="">{copy.fields[name].placeholder}</option>
                    {copy.fields[name].options.map((choice) => (
                      <option key={choice.value} value={choice.value}>
                        {choice.label}
                      </option>
                    ))}
                  </select>
                )}
              </QuoteField>
            ))}
          </div>

          <QuoteField {...wiring} name="description" required>
            {(control) => (
              <textarea
                {...control}
                rows={7}
                minLength={LIMITS.description.min}
                maxLength={LIMITS.description.max}
                defaultValue={values.description ?? ""}
              />
            )}
          </QuoteField>

          <div className="rounded-md border border-slate-200 bg-slate-50 p-4">
            <p id="quote-consent-notice" className="text-sm text-slate-700">
              {copy.consentNotice}{" "}
              <a href="/privacy" className="font-medium text-brand-800 underline">
                {copy.privacyLink}
              </a>
            </p>
            <QuoteField {...wiring} name="consent" required describedBy="quote-consent-notice" checkbox>
              {(control) => (
                <input {...control} type="checkbox" value="yes" defaultChecked={values.consent === "yes"} />
              )}
            </QuoteField>
          </div>
        </fieldset>

        <button type="submit" className="button-primary min-w-40" disabled={pending} aria-disabled={pending}>
          {pending ? copy.pending : copy.submit}
        </button>
      </form>
    </div>
  );
}
