import type { Ref } from "react";
import type { QuoteFormCopy } from "@/lib/quotes/copy-schema";
import { QUOTE_PATH } from "@/lib/routes";
import { SentPanel } from "../sent-panel";

type Props = {
  copy: QuoteFormCopy["success"];
  reference: string;
  /** The response promise with its due time, as the server computed it (the clock is never in this script). */
  promise: string;
  /** The scheduling link for this request (BOOKING_URL), when the owner set one. */
  bookingUrl?: string;
  headingRef: Ref<HTMLHeadingElement>;
};

/** What replaces the form once a request is stored: its reference and what happens next. */
export function QuoteSuccess({ copy, reference, promise, bookingUrl, headingRef }: Props) {
  return (
    <SentPanel name="quote-success" heading={copy.heading} headingRef={headingRef}>
      <p className="mt-4 text-lg">
        {copy.reference}: <strong data-testid="quote-reference">{reference}</strong>
      </p>
      <p className="mt-3 text-slate-700">{copy.text}</p>
      <p className="mt-3 font-semibold text-ink" data-testid="quote-promise">
        {promise}
      </p>
      <ol className="mt-4 list-decimal space-y-1 pl-5 text-slate-700">
        {copy.nextSteps.map((step) => (
          <li key={step}>{step}</li>
        ))}
      </ol>
      {bookingUrl ? (
        <p className="mt-4 text-slate-700">
          {copy.bookCall.lead}{" "}
          <a href={bookingUrl} className="font-semibold text-brand-700 underline" data-testid="book-call">
            {copy.bookCall.link}
          </a>
        </p>
      ) : null}
      {/* A full page load on purpose: a new form token and a fresh form state (a client-side
          navigation to the same page would keep this success state). */}
      <a href={QUOTE_PATH} className="button-secondary mt-6">
        {copy.another}
      </a>
    </SentPanel>
  );
}
