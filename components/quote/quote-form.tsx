"use client";

import { useActionState, useEffect, useRef } from "react";
import type { QuoteFormCopy } from "@/lib/content/schemas";
import type { InterestGroups } from "@/lib/quotes/catalog";
import { initialQuoteFormState, type QuoteFormState } from "@/lib/quotes/form-state";
import { HONEYPOT_FIELD, LIMITS, PHONE_PATTERN, QUOTE_FIELDS, type QuoteField } from "@/lib/quotes/fields";
import { labelMessage } from "./label-message";
import { Field } from "./field";
import { QuoteSuccess } from "./quote-success";

export type QuoteFormProps = {
  /** The server action the form posts to (app/(site)/quote/actions.ts). */
  action: (previous: QuoteFormState, formData: FormData) => Promise<QuoteFormState>;
  copy: QuoteFormCopy;
  interests: InterestGroups;
  /** The interest a quote link asked for (the static copy of the page for it). */
  preselect?: string;
};

const id = (field: QuoteField) => `quote-${field}`;

/**
 * The quote form. A plain form post to the server action without JavaScript; with it,
 * useActionState keeps the page, disables the button while sending, moves focus to the first
 * problem, and keeps every typed value (the action echoes them back).
 */
export function QuoteForm({ action, copy, interests, preselect }: QuoteFormProps) {
  const [state, formAction, pending] = useActionState<QuoteFormState, FormData>(action, initialQuoteFormState);
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
    else if (state.status === "invalid" && firstInvalid) document.getElementById(id(firstInvalid))?.focus();
    else if (state.status !== "idle") statusRef.current?.focus();
  }, [state, firstInvalid]);

  if (state.status === "ok") {
    return <QuoteSuccess copy={copy.success} reference={state.reference} headingRef={successRef} />;
  }

  const field = (name: QuoteField, required: boolean) => ({
    id: id(name),
    name,
    required,
    label: copy.fields[name].label,
    hint: copy.fields[name].hint,
    requiredText: copy.required,
    optionalText: copy.optional,
    errors: errors[name],
  });
  const messages = {
    idle: "",
    invalid: copy.errorSummary,
    rate_limited: copy.rateLimited,
    unavailable: copy.unavailable,
    expired: copy.expired,
    unconfirmed: copy.unconfirmed,
  };
  const message = messages[state.status];

  return (
    <div className="space-y-6">
      <p id="quote-intro" className="text-slate-700">
        {copy.intro}
      </p>
      {/* Outside the form, which remounts on every reply: a live region must persist to be announced. */}
      <div ref={statusRef} tabIndex={-1} aria-live="polite" data-testid="form-status" className="focus:outline-none">
        {message ? (
          <div className="rounded-md border border-red-700 bg-red-50 p-4 text-red-900">
            <p className="font-semibold">{message}</p>
            {state.status === "invalid" ? (
              <ul className="mt-2 list-disc pl-5">
                {QUOTE_FIELDS.filter((field) => errors[field]?.length).map((field) => (
                  <li key={field}>
                    <a href={`#${id(field)}`} className="underline">
                      {labelMessage(copy.fields[field].label, errors[field]![0]!)}
                    </a>
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
      </div>

      <form
        key={state.status === "idle" ? "initial" : state.attempt}
        action={formAction}
        noValidate
        className="space-y-6"
        aria-describedby="quote-intro"
        data-testid="quote-form"
      >
        {token ? <input type="hidden" name="formToken" value={token} /> : null}
        {/* A trap for bots: hidden from sight, from screen readers and from the tab order. */}
        <div aria-hidden="true" className="absolute top-auto -left-[9999px] h-px w-px overflow-hidden">
          <label htmlFor="quote-hp">{copy.fields.honeypot.label}</label>
          <input id="quote-hp" type="text" name={HONEYPOT_FIELD} tabIndex={-1} autoComplete="off" defaultValue="" />
        </div>

        <fieldset className="space-y-6">
          <legend className="sr-only">{copy.legend}</legend>
          <div className="grid gap-6 md:grid-cols-2">
            <Field {...field("name", true)}>
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
            </Field>
            <Field {...field("email", true)}>
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
            </Field>
            <Field {...field("company", false)}>
              {(control) => (
                <input
                  {...control}
                  type="text"
                  autoComplete="organization"
                  maxLength={LIMITS.company.max}
                  defaultValue={values.company ?? ""}
                />
              )}
            </Field>
            <Field {...field("phone", false)}>
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
            </Field>
          </div>

          <Field {...field("interest", true)}>
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
          </Field>

          <div className="grid gap-6 md:grid-cols-2">
            {(["budget", "timeline"] as const).map((name) => (
              <Field key={name} {...field(name, true)}>
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
              </Field>
            ))}
          </div>

          <Field {...field("description", true)}>
            {(control) => (
              <textarea
                {...control}
                rows={7}
                minLength={LIMITS.description.min}
                maxLength={LIMITS.description.max}
                defaultValue={values.description ?? ""}
              />
            )}
          </Field>

          <div className="rounded-md border border-slate-200 bg-slate-50 p-4">
            <p id="quote-consent-notice" className="text-sm text-slate-700">
              {copy.consentNotice}{" "}
              <a href="/privacy" className="font-medium text-brand-800 underline">
                {copy.privacyLink}
              </a>
            </p>
            <Field {...field("consent", true)} describedBy="quote-consent-notice" checkbox>
              {(control) => (
                <input {...control} type="checkbox" value="yes" defaultChecked={values.consent === "yes"} />
              )}
            </Field>
          </div>
        </fieldset>

        <button type="submit" className="button-primary min-w-40" disabled={pending} aria-disabled={pending}>
          {pending ? copy.pending : copy.submit}
        </button>
      </form>
    </div>
  );
}
