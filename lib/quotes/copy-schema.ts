// Relative imports: next.config.ts loads this module (through lib/quotes/catalog.ts), without path aliases.
import { z } from "zod";
import { PROMISE_PLACEHOLDERS, template } from "../content/placeholders";
import { text } from "../content/schemas";

const option = z.object({ value: z.string().regex(/^[a-z0-9-]+$/), label: text(80) }).strict();
const field = <T extends z.ZodRawShape = Record<never, never>>(extra?: T) =>
  z.object({ label: text(80), hint: text(200).optional(), ...(extra as T) }).strict();

/** Every word of the quote form: labels, hints, choices, the consent notice and the replies. */
export const quoteFormSchema = z
  .object({
    intro: text(400),
    legend: text(80),
    fields: z
      .object({
        name: field(),
        email: field(),
        company: field(),
        phone: field(),
        interest: field({ otherLabel: text(80), placeholder: text(80) }),
        budget: field({ placeholder: text(80), options: z.array(option).min(2) }),
        timeline: field({ placeholder: text(80), options: z.array(option).min(2) }),
        description: field(),
        consent: field(),
        honeypot: field(),
      })
      .strict(),
    optional: text(30),
    required: text(30),
    servicesGroup: text(60),
    productsGroup: text(60),
    consentNotice: text(1200),
    consentVersion: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}(\.\d+)?$/, { error: "must look like 2026-11-24 or 2026-11-24.2" }),
    privacyLink: text(80),
    submit: text(40),
    pending: text(60),
    errorSummary: text(200),
    rateLimited: text(300),
    unavailable: text(300),
    expired: text(300),
    unconfirmed: text(300),
    /** The form came from an older build of the site (its action is unknown here): nothing was sent. */
    outdated: text(300),
    tooLarge: text(300),
    crossSite: text(300),
    busy: text(300),
    backToForm: text(60),
    /** nginx's own page when no instance could answer (lib/ops/proxy-error-page.ts). */
    proxyError: z.object({ heading: text(120), text: text(400) }).strict(),
    success: z
      .object({
        heading: text(120),
        reference: text(80),
        text: text(400),
        /** The response promise, on the success screen and in the confirmation: {due} is the computed due time. */
        promise: template(200, PROMISE_PLACEHOLDERS),
        nextSteps: z.array(text(300)).min(1),
        another: text(60),
        /** Offered only when BOOKING_URL is set: the sentence before the link, and the link's text. */
        bookCall: z.object({ lead: text(120), link: text(60) }).strict(),
      })
      .strict(),
  })
  .strict();

export type QuoteFormCopy = z.infer<typeof quoteFormSchema>;
