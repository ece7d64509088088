import { z } from "zod";
import { LIMITS, PHONE_PATTERN, type QuoteField } from "./fields";
export { LIMITS, PHONE_PATTERN, QUOTE_FIELDS, type QuoteField } from "./fields";
import { hasUnsafe, UNSAFE_IN_DESCRIPTION, UNSAFE_IN_LINE } from "@/lib/text/unsafe-chars";
import type { QuoteChoices } from "./catalog";

const clean = (value: string) => value.normalize("NFC").trim();
const tooShort = (label: string, min: number) =>
  min <= 1 ? `Please enter ${label}.` : `Please enter ${label} (at least ${min} characters).`;

/** One line of ordinary text (no control, line-break or bidi characters), at most `max` long. */
function plainLine(label: string, max: number, min = 0) {
  return z
    .string()
    .min(min, { error: tooShort(label, min) })
    .max(max, { error: `Please keep ${label} under ${max + 1} characters.` })
    .refine((value) => !hasUnsafe(value, UNSAFE_IN_LINE), {
      error: `Please use only letters, numbers and ordinary punctuation in ${label}.`,
    });
}

function singleLine(label: string, min: number, max: number) {
  return z
    .string({ error: `Please enter ${label}.` })
    .transform(clean)
    .pipe(plainLine(label, max, min));
}

function optionalLine(label: string, max: number) {
  return z
    .string()
    .optional()
    .transform((value) => (value === undefined ? undefined : clean(value)))
    .pipe(plainLine(label, max).optional())
    .transform((value) => (value ? value : null));
}

function choice(values: string[], message: string) {
  return z.string({ error: message }).refine((value) => values.includes(value), { error: message });
}

/** The one source of rules for a quote request; choices come from the content collections. */
export function quoteSchema(choices: QuoteChoices) {
  return z.object({
    name: singleLine("your name", LIMITS.name.min, LIMITS.name.max),
    email: z
      .string({ error: "Please enter your email address." })
      .transform((value) => clean(value))
      .pipe(
        z
          .string()
          .min(1, { error: "Please enter your email address." })
          .max(LIMITS.email.max, { error: "Please check your email address: it is too long." })
          .pipe(z.email({ error: "Please enter a valid email address, like name@example.com." })),
      )
      // The domain part is case-insensitive; keep the local part as typed.
      .transform((value) => {
        const at = value.lastIndexOf("@");
        return `${value.slice(0, at)}@${value.slice(at + 1).toLowerCase()}`;
      }),
    company: optionalLine("the company name", LIMITS.company.max),
    phone: optionalLine("the phone number", LIMITS.phone.max).refine(
      (value) => value === null || new RegExp(`^${PHONE_PATTERN}$`).test(value),
      { error: "Please enter a phone number using digits, spaces and + ( ) - only." },
    ),
    interest: choice(
      choices.interests.map((item) => item.value),
      "Please choose what we can help with.",
    ),
    budget: choice(
      choices.budgets.map((item) => item.value),
      "Please choose a budget range.",
    ),
    timeline: choice(
      choices.timelines.map((item) => item.value),
      "Please choose when you would like to start.",
    ),
    description: z
      .string({ error: "Please describe your project." })
      .transform((value) => clean(value.replace(/\r\n?/g, "\n")))
      .pipe(
        z
          .string()
          .min(LIMITS.description.min, {
            error: `Please describe your project in at least ${LIMITS.description.min} characters.`,
          })
          .max(LIMITS.description.max, {
            error: `Please keep the description under ${LIMITS.description.max + 1} characters.`,
          })
          .refine((value) => !hasUnsafe(value, UNSAFE_IN_DESCRIPTION), {
            error: "The description contains invisible control characters; please remove them.",
          }),
      ),
    consent: z.literal("yes", { error: "Please tick the box to let us use your details to answer." }),
  });
}

export type QuoteInput = z.output<ReturnType<typeof quoteSchema>>;
export type FieldErrors = Partial<Record<QuoteField, string[]>>;
/** What the visitor typed, echoed back so a rejected form keeps every value. */
export type QuoteValues = Partial<Record<QuoteField, string>>;
