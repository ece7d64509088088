/**
 * The response promise a visitor reads on the success screen and in the confirmation: the sentence from
 * content/quote-form.ts with its {due} filled in from the response clock, so what is promised and what the
 * desk counts down to are one computation. Server-only: the clock and the holiday data never reach a page's
 * script; the sentence travels in the action's result.
 */
import { promiseSentence } from "@/lib/content/placeholders";
import { dueAt, type ResponseClock } from "@/lib/leads/response-clock";
import { localWeekdayTime } from "@/lib/text/local-time";
import { quoteCopy } from "./catalog";

/** "You will hear from Francois by Friday 4 December, 12:00 SAST." for a request received at `receivedAt`. */
export function responsePromise(receivedAt: Date, clock: ResponseClock): string {
  return promiseSentence(quoteCopy.success.promise, localWeekdayTime(dueAt(receivedAt, clock), clock.timeZone));
}
