import { z } from "zod";
import { PRIVACY_KINDS } from "./fields";

const text = (max: number) => z.string().trim().min(1).max(max);

/** The words of the privacy request form and its confirmation page (content/privacy-form.ts). */
export const privacyFormSchema = z
  .object({
    title: text(80),
    description: text(200),
    intro: text(600),
    legend: text(80),
    email: z.object({ label: text(80), hint: text(200) }).strict(),
    kind: z
      .object({
        legend: text(120),
        options: z.object(
          Object.fromEntries(PRIVACY_KINDS.map((kind) => [kind, text(200)])) as Record<
            (typeof PRIVACY_KINDS)[number],
            ReturnType<typeof text>
          >,
        ),
      })
      .strict(),
    details: z.object({ label: text(80), hint: text(200) }).strict(),
    honeypot: text(80),
    submit: text(40),
    pending: text(40),
    errorSummary: text(200),
    rateLimited: text(300),
    unavailable: text(300),
    expired: text(300),
    unconfirmed: text(300),
    sent: z.object({ heading: text(120), text: text(600) }).strict(),
    confirm: z
      .object({
        title: text(80),
        text: text(400),
        button: text(40),
        done: z.object({ heading: text(120), text: text(600) }).strict(),
        invalid: z.object({ heading: text(120), text: text(600), again: text(60) }).strict(),
      })
      .strict(),
  })
  .strict();

export type PrivacyFormCopy = z.infer<typeof privacyFormSchema>;
