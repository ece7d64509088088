"use client";

import { useActionState, useEffect, useRef } from "react";
import { PRIVACY_HONEYPOT_FIELD, PRIVACY_KINDS, PRIVACY_LIMITS, type PrivacyField } from "@/lib/privacy/fields";
import type { PrivacyFormCopy } from "@/lib/privacy/copy-schema";
import { initialPrivacyFormState, type PrivacyFormState } from "@/lib/privacy/form-state";
import { PRIVACY_REQUEST_PATH } from "@/lib/routes";
import { SentPanel } from "../sent-panel";

type Props = {
  /** The server action (app/(site)/privacy/request/actions.ts). */
  action: (previous: PrivacyFormState, formData: FormData) => Promise<PrivacyFormState>;
  copy: PrivacyFormCopy;
};

const fieldId = (field: PrivacyField) => `privacy-${field}`;

/**
 * The privacy request form: a plain post to its server action without JavaScript; with it, the page stays, the
 * button is disabled while sending and focus moves to the outcome or the first problem.
 */
export function PrivacyRequestForm({ action, copy }: Props) {
  const [state, formAction, pending] = useActionState(action, initialPrivacyFormState, PRIVACY_REQUEST_PATH);
  const statusRef = useRef<HTMLDivElement>(null);
  const sentRef = useRef<HTMLHeadingElement>(null);
  const values = state.status !== "idle" && state.status !== "sent" ? state.values : {};
  const errors = state.status === "invalid" ? state.fieldErrors : {};
  const token = state.status !== "idle" && state.status !== "sent" ? state.formToken : undefined;
  const first = (["email", "kind", "details"] as const).find((field) => errors[field]?.length);

  useEffect(() => {
    if (state.status === "sent") sentRef.current?.focus();
    else if (state.status === "invalid" && first) document.getElementById(fieldId(first))?.focus();
    else if (state.status !== "idle") statusRef.current?.focus();
  }, [state, first]);

  if (state.status === "sent") {
    return (
      <SentPanel name="privacy-sent" heading={copy.sent.heading} headingRef={sentRef}>
        <p className="mt-3 text-slate-700">{copy.sent.text}</p>
      </SentPanel>
    );
  }

  const message = {
    idle: "",
    invalid: copy.errorSummary,
    rate_limited: copy.rateLimited,
    unavailable: copy.unavailable,
    expired: copy.expired,
    unconfirmed: copy.unconfirmed,
  }[state.status];
  const error = (field: PrivacyField) =>
    errors[field]?.length ? (
      <p id={`${fieldId(field)}-error`} className="mt-1 font-medium text-red-700">
        {errors[field]![0]}
      </p>
    ) : null;
  const describedBy = (field: PrivacyField, hint: boolean) =>
    [hint ? `${fieldId(field)}-hint` : "", errors[field]?.length ? `${fieldId(field)}-error` : ""]
      .filter(Boolean)
      .join(" ") || undefined;

  return (
    <div className="space-y-6">
      <div ref={statusRef} tabIndex={-1} aria-live="polite" data-testid="form-status" className="focus:outline-none">
        {message ? (
          <div className="rounded-md border border-red-700 bg-red-50 p-4 text-red-900">
            <p className="font-semibold">{message}</p>
          </div>
        ) : null}
      </div>
      <form
        key={state.status === "idle" ? "initial" : state.attempt}
        action={formAction}
        noValidate
        className="space-y-6"
        data-testid="privacy-form"
      >
        {token ? <input type="hidden" name="formToken" value={token} /> : null}
        <div aria-hidden="true" className="absolute top-auto -left-[9999px] h-px w-px overflow-hidden">
          <label htmlFor="privacy-hp">{copy.honeypot}</label>
          <input id="privacy-hp" type="text" name={PRIVACY_HONEYPOT_FIELD} tabIndex={-1} autoComplete="off" />
        </div>
        <div>
          <label htmlFor={fieldId("email")} className="block font-medium">
            {copy.email.label} <span aria-hidden="true">*</span>
          </label>
          <p id={`${fieldId("email")}-hint`} className="text-sm text-slate-700">
            {copy.email.hint}
          </p>
          <input
            id={fieldId("email")}
            name="email"
            type="email"
            required
            autoComplete="email"
            spellCheck={false}
            maxLength={PRIVACY_LIMITS.email.max}
            defaultValue={values.email ?? ""}
            aria-invalid={errors.email?.length ? true : undefined}
            aria-describedby={describedBy("email", true)}
            className="mt-1 block min-h-11 w-full max-w-md rounded-md border border-slate-400 px-3"
          />
          {error("email")}
        </div>
        <fieldset aria-describedby={describedBy("kind", false)}>
          <legend className="font-medium">
            {copy.kind.legend} <span aria-hidden="true">*</span>
          </legend>
          <div className="mt-2 space-y-2">
            {PRIVACY_KINDS.map((kind, index) => (
              <div key={kind} className="flex items-start gap-3">
                <input
                  id={index === 0 ? fieldId("kind") : `${fieldId("kind")}-${kind}`}
                  type="radio"
                  name="kind"
                  value={kind}
                  required
                  defaultChecked={values.kind === kind}
                  className="mt-1 size-5"
                />
                <label htmlFor={index === 0 ? fieldId("kind") : `${fieldId("kind")}-${kind}`}>
                  {copy.kind.options[kind]}
                </label>
              </div>
            ))}
          </div>
          {error("kind")}
        </fieldset>
        <div>
          <label htmlFor={fieldId("details")} className="block font-medium">
            {copy.details.label}
          </label>
          <p id={`${fieldId("details")}-hint`} className="text-sm text-slate-700">
            {copy.details.hint}
          </p>
          <textarea
            id={fieldId("details")}
            name="details"
            rows={4}
            maxLength={PRIVACY_LIMITS.details.max}
            defaultValue={values.details ?? ""}
            aria-invalid={errors.details?.length ? true : undefined}
            aria-describedby={describedBy("details", true)}
            className="mt-1 block w-full max-w-xl rounded-md border border-slate-400 px-3 py-2"
          />
          {error("details")}
        </div>
        <button type="submit" className="button-primary min-w-40" disabled={pending} aria-disabled={pending}>
          {pending ? copy.pending : copy.submit}
        </button>
      </form>
    </div>
  );
}
