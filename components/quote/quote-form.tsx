"use client";

import { Link } from "@/components/link";
import { useActionState, useEffect, useRef } from "react";
import { sendQuote } from "@/app/quote/actions";
import type { QuoteFormCopy } from "@/lib/content/schemas";
import type { InterestGroups } from "@/lib/quotes/catalog";
import { initialQuoteFormState, type QuoteFormState } from "@/lib/quotes/form-state";
import { LIMITS, PHONE_PATTERN, QUOTE_FIELDS, type QuoteField } from "@/lib/quotes/fields";
import { labelMessage } from "@/lib/label-message";
import { Field } from "./field";

export type QuoteFormProps = {
  copy: QuoteFormCopy;
  interests: InterestGroups;
  formToken: string;
  preselect?: string;
  hidden: Record<string, string>;
};

const inputClass =
  "block w-full rounded-md border border-slate-400 bg-white px-3 py-2.5 text-ink shadow-sm aria-[invalid=true]:border-red-700 aria-[invalid=true]:ring-1 aria-[invalid=true]:ring-red-700";

const id = (field: QuoteField) => `quote-${field}`;

/**
 * The quote form. A plain form post to the server action without JavaScript; with it,
 * useActionState keeps the page, disables the button while sending, moves focus to the first
 * problem, and keeps every typed value (the action echoes them back).
 */
export function QuoteForm({ copy, interests, formToken, preselect, hidden }: QuoteFormProps) {
  const [state, formAction, pending] = useActionState<QuoteFormState, FormData>(sendQuote, initialQuoteFormState);
  const statusRef = useRef<HTMLDivElement>(null);
  const successRef = useRef<HTMLHeadingElement>(null);

  const values = state.status !== "idle" && state.status !== "ok" ? state.values : {};
  const errors = state.status === "invalid" ? state.fieldErrors : {};
  const firstInvalid = QUOTE_FIELDS.find((field) => errors[field]?.length);
  const token = (state.status !== "idle" && state.status !== "ok" ? state.formToken : undefined) ?? formToken;

  useEffect(() => {
    if (state.status === "ok") successRef.current?.focus();
    else if (state.status === "invalid" && firstInvalid) document.getElementById(id(firstInvalid))?.focus();
    else if (state.status !== "idle") statusRef.current?.focus();
  }, [state, firstInvalid]);

  if (state.status === "ok") {
    return (
      <section
        aria-labelledby="quote-success-heading"
        className="rounded-lg border border-brand-700 bg-brand-50 p-6"
        data-testid="quote-success"
      >
        <h2 id="quote-success-heading" ref={successRef} tabIndex={-1} className="text-2xl font-bold text-ink">
          {copy.success.heading}
        </h2>
        <p className="mt-4 text-lg">
          {copy.success.reference}: <strong data-testid="quote-reference">{state.reference}</strong>
        </p>
        <p className="mt-3 text-slate-700">{copy.success.text}</p>
        <ol className="mt-4 list-decimal space-y-1 pl-5 text-slate-700">
          {copy.success.nextSteps.map((step) => (
            <li key={step}>{step}</li>
          ))}
        </ol>
        {/* A full page load on purpose: a new form token and a fresh form state (a client-side
            navigation to the same page would keep this success state). */}
        <a href="/quote" className="button-secondary mt-6">
          {copy.success.another}
        </a>
      </section>
    );
  }

  const fieldProps = (field: QuoteField, required: boolean) => ({
    id: id(field),
    required,
    requiredText: copy.required,
    optionalText: copy.optional,
    errors: errors[field],
  });
  const messages = {
    idle: "",
    invalid: copy.errorSummary,
    rate_limited: copy.rateLimited,
    unavailable: copy.unavailable,
    expired: copy.expired,
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
        <input type="hidden" name="formToken" value={token} />
        {Object.entries(hidden).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        {/* A trap for bots: hidden from sight, from screen readers and from the tab order. */}
        <div aria-hidden="true" className="absolute top-auto -left-[9999px] h-px w-px overflow-hidden">
          <label htmlFor="quote-hp">{copy.fields.honeypot.label}</label>
          <input id="quote-hp" type="text" name="hp_a7k" tabIndex={-1} autoComplete="off" defaultValue="" />
        </div>

        <fieldset className="space-y-6">
          <legend className="sr-only">{copy.legend}</legend>
          <div className="grid gap-6 md:grid-cols-2">
            <Field label={copy.fields.name.label} hint={copy.fields.name.hint} {...fieldProps("name", true)}>
              {(describedBy, invalid) => (
                <input
                  id={id("name")}
                  name="name"
                  type="text"
                  autoComplete="name"
                  required
                  minLength={LIMITS.name.min}
                  maxLength={LIMITS.name.max}
                  defaultValue={values.name ?? ""}
                  aria-describedby={describedBy}
                  aria-invalid={invalid || undefined}
                  className={inputClass}
                />
              )}
            </Field>
            <Field label={copy.fields.email.label} hint={copy.fields.email.hint} {...fieldProps("email", true)}>
              {(describedBy, invalid) => (
                <input
                  id={id("email")}
                  name="email"
                  type="email"
                  autoComplete="email"
                  required
                  maxLength={LIMITS.email.max}
                  spellCheck={false}
                  defaultValue={values.email ?? ""}
                  aria-describedby={describedBy}
                  aria-invalid={invalid || undefined}
                  className={inputClass}
                />
              )}
            </Field>
            <Field label={copy.fields.company.label} hint={copy.fields.company.hint} {...fieldProps("company", false)}>
              {(describedBy, invalid) => (
                <input
                  id={id("company")}
                  name="company"
                  type="text"
                  autoComplete="organization"
                  maxLength={LIMITS.company.max}
                  defaultValue={values.company ?? ""}
                  aria-describedby={describedBy}
                  aria-invalid={invalid || undefined}
                  className={inputClass}
                />
              )}
            </Field>
            <Field label={copy.fields.phone.label} hint={copy.fields.phone.hint} {...fieldProps("phone", false)}>
              {(describedBy, invalid) => (
                <input
                  id={id("phone")}
                  name="phone"
                  type="tel"
                  autoComplete="tel"
                  pattern={PHONE_PATTERN}
                  maxLength={LIMITS.phone.max}
                  defaultValue={values.phone ?? ""}
                  aria-describedby={describedBy}
                  aria-invalid={invalid || undefined}
                  className={inputClass}
                />
              )}
            </Field>
          </div>

          <Field label={copy.fields.interest.label} hint={copy.fields.interest.hint} {...fieldProps("interest", true)}>
            {(describedBy, invalid) => (
              <select
                id={id("interest")}
                name="interest"
                required
                defaultValue={values.interest ?? preselect ?? ""}
                aria-describedby={describedBy}
                aria-invalid={invalid || undefined}
                className={inputClass}
              >
                <option value="">{copy.fields.interest.placeholder}</option>
                <optgroup label={copy.servicesGroup}>
                  {interests.services.map((choice) => (
                    <option key={choice.value} value={choice.value}>
                      {choice.label}
                    </option>
                  ))}
                </optgroup>
                <optgroup label={copy.productsGroup}>
                  {interests.products.map((choice) => (
                    <option key={choice.value} value={choice.value}>
                      {choice.label}
                    </option>
                  ))}
                </optgroup>
                <option value={interests.other.value}>{interests.other.label}</option>
              </select>
            )}
          </Field>

          <div className="grid gap-6 md:grid-cols-2">
            {(["budget", "timeline"] as const).map((field) => (
              <Field
                key={field}
                label={copy.fields[field].label}
                hint={copy.fields[field].hint}
                {...fieldProps(field, true)}
              >
                {(describedBy, invalid) => (
                  <select
                    id={id(field)}
                    name={field}
                    required
                    defaultValue={values[field] ?? ""}
                    aria-describedby={describedBy}
                    aria-invalid={invalid || undefined}
                    className={inputClass}
                  >
                    <option value="">{copy.fields[field].placeholder}</option>
                    {copy.fields[field].options.map((choice) => (
                      <option key={choice.value} value={choice.value}>
                        {choice.label}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            ))}
          </div>

          <Field
            label={copy.fields.description.label}
            hint={copy.fields.description.hint}
            {...fieldProps("description", true)}
          >
            {(describedBy, invalid) => (
              <textarea
                id={id("description")}
                name="description"
                required
                rows={7}
                minLength={LIMITS.description.min}
                maxLength={LIMITS.description.max}
                defaultValue={values.description ?? ""}
                aria-describedby={describedBy}
                aria-invalid={invalid || undefined}
                className={inputClass}
              />
            )}
          </Field>

          <div className="rounded-md border border-slate-200 bg-slate-50 p-4">
            <p id="quote-consent-notice" className="text-sm text-slate-700">
              {copy.consentNotice}{" "}
              <Link href="/privacy" className="font-medium text-brand-800 underline">
                {copy.privacyLink}
              </Link>
            </p>
            <div className="mt-3 flex items-start gap-3">
              <input
                id={id("consent")}
                name="consent"
                type="checkbox"
                value="yes"
                required
                defaultChecked={values.consent === "yes"}
                aria-describedby={["quote-consent-notice", errors.consent?.length ? "quote-consent-error" : ""]
                  .filter(Boolean)
                  .join(" ")}
                aria-invalid={errors.consent?.length ? true : undefined}
                className="mt-1 size-5 shrink-0 accent-brand-700"
              />
              <label htmlFor={id("consent")} className="font-medium text-ink">
                {copy.fields.consent.label} <span className="font-normal text-slate-600">{copy.required}</span>
              </label>
            </div>
            {errors.consent?.length ? (
              <p id="quote-consent-error" className="mt-2 text-sm font-medium text-red-700" data-testid="error-consent">
                {errors.consent.join(" ")}
              </p>
            ) : null}
          </div>
        </fieldset>

        <button type="submit" className="button-primary min-w-40" disabled={pending} aria-disabled={pending}>
          {pending ? copy.pending : copy.submit}
        </button>
      </form>
    </div>
  );
}
