// Relative, not "@/": next.config.ts loads this module (the quote links' rewrites), without path aliases.
import { quoteForm as rawCopy } from "../../content/quote-form";
import { ContentError, describeIssues } from "../content/collection";
import { products, services } from "../content";
import { quoteFormSchema, type QuoteFormCopy } from "./copy-schema";
import { interestValue } from "./fields";

export type Choice = { value: string; label: string };
export type InterestGroups = { services: Choice[]; products: Choice[]; other: Choice };

/** The form's words checked against their schema; a ContentError names content/quote-form.ts and each field. */
export function validateQuoteCopy(raw: unknown): QuoteFormCopy {
  const result = quoteFormSchema.safeParse(raw);
  if (!result.success) throw new ContentError(describeIssues("content/quote-form.ts", result.error));
  return result.data;
}

/** The form's words, validated like every other piece of content. */
export const quoteCopy: QuoteFormCopy = validateQuoteCopy(rawCopy);

/** What a visitor can ask about: every published service and product, plus "something else". */
export function interestGroups(): InterestGroups {
  return {
    services: services.all().map((entry) => ({ value: interestValue("service", entry.slug), label: entry.data.title })),
    products: products.all().map((entry) => ({ value: interestValue("product", entry.slug), label: entry.data.title })),
    other: { value: "other", label: quoteCopy.fields.interest.otherLabel },
  };
}

/** The allowed values of every choice field, and their labels, from the same content the pages use. */
export function quoteChoices() {
  const groups = interestGroups();
  const interests = [...groups.services, ...groups.products, groups.other];
  return {
    interests,
    budgets: quoteCopy.fields.budget.options,
    timelines: quoteCopy.fields.timeline.options,
  };
}

export type QuoteChoices = ReturnType<typeof quoteChoices>;

export function labelOf(choices: Choice[], value: string): string {
  return choices.find((choice) => choice.value === value)?.label ?? value;
}
