"use client";

import { echoedValue, fieldErrors, type DeskAction } from "@/lib/leads/action-state";
import { DEFAULT_CURRENCY, NEXT_STEP_MAX_LENGTH } from "@/lib/leads/plan-limits";
import { deskLeadPath } from "@/lib/routes";
import { ActionForm, DeskField } from "./action-form";

export type LeadPlanActions = Record<"setDealValue" | "setNextStep", DeskAction>;

const INPUT = "mt-1 block min-h-11 w-full rounded-md border border-slate-400 px-3";

/** A lead's estimated deal value and next step, each its own guarded form (empty fields clear them). */
export function LeadPlan({
  actions,
  reference,
  deal,
  next,
}: {
  actions: LeadPlanActions;
  reference: string;
  deal: { amount: number | null; currency: string | null };
  /** The next step and its day as "YYYY-MM-DD". */
  next: { step: string | null; due: string | null };
}) {
  const hidden = <input type="hidden" name="reference" value={reference} />;
  const path = deskLeadPath(reference);
  // Keyed by the stored values: after a change the fields show what is stored now.
  return (
    <div className="space-y-8">
      <ActionForm
        key={`deal-${deal.amount}-${deal.currency}`}
        path={path}
        action={actions.setDealValue}
        submitLabel="Save deal value"
        label="Estimate the deal"
      >
        {(state) => (
          <>
            {hidden}
            <div className="grid grid-cols-[1fr_6rem] gap-3">
              <DeskField id="deal-amount" label="Estimated deal value" errors={fieldErrors(state, "amount")}>
                {(control) => (
                  <input
                    {...control}
                    name="amount"
                    inputMode="numeric"
                    autoComplete="off"
                    defaultValue={echoedValue(state, "amount") ?? deal.amount ?? ""}
                    className={INPUT}
                  />
                )}
              </DeskField>
              <DeskField id="deal-currency" label="Currency" errors={fieldErrors(state, "currency")}>
                {(control) => (
                  <input
                    {...control}
                    name="currency"
                    maxLength={3}
                    autoComplete="off"
                    list="deal-currencies"
                    defaultValue={echoedValue(state, "currency") ?? deal.currency ?? DEFAULT_CURRENCY}
                    className={`${INPUT} uppercase`}
                  />
                )}
              </DeskField>
            </div>
            <datalist id="deal-currencies">
              {["ZAR", "USD", "EUR", "GBP", "AUD"].map((code) => (
                <option key={code} value={code} />
              ))}
            </datalist>
            <p className="text-sm text-slate-700">Whole units; an empty amount clears it.</p>
          </>
        )}
      </ActionForm>

      <ActionForm
        key={`next-${next.step}-${next.due}`}
        path={path}
        action={actions.setNextStep}
        submitLabel="Save next step"
        label="Plan the next step"
      >
        {(state) => (
          <>
            {hidden}
            <DeskField id="next-step" label="Next step" errors={fieldErrors(state, "step")}>
              {(control) => (
                <input
                  {...control}
                  name="step"
                  maxLength={NEXT_STEP_MAX_LENGTH}
                  autoComplete="off"
                  defaultValue={echoedValue(state, "step") ?? next.step ?? ""}
                  className={INPUT}
                />
              )}
            </DeskField>
            <DeskField id="next-step-due" label="Due on" errors={fieldErrors(state, "due")}>
              {(control) => (
                <input
                  {...control}
                  type="date"
                  name="due"
                  defaultValue={echoedValue(state, "due") ?? next.due ?? ""}
                  className={INPUT}
                />
              )}
            </DeskField>
            <p className="text-sm text-slate-700">Both empty clears it.</p>
          </>
        )}
      </ActionForm>
    </div>
  );
}
