/**
 * Work that runs after the response has gone out (Next.js `after()`), for the app's routes and actions:
 * sending the mail a request queued, so neither a slow mail server nor the time a send takes shows in the
 * answer. A failure is logged and the outbox keeps the message for the scheduled retries.
 */
import { after } from "next/server";
import type { Auth } from "@/lib/auth/create-auth";
import { serverContext, type RunLater } from "@/lib/server/context";
import { log } from "@/lib/server/log";

export const afterResponse: RunLater = (label, task) => {
  after(async () => {
    try {
      await task();
    } catch (error) {
      log.error(label, error);
    }
  });
};

/** Delivers the given outbox rows after the response (unless MAIL_DELIVER_AFTER_SUBMIT is off, for tests). */
export function deliverAfterResponse(ids: number[]): void {
  const context = serverContext();
  if (ids.length === 0 || !context.settings.MAIL_DELIVER_AFTER_SUBMIT) return;
  afterResponse("mail: delivery after the response failed; the outbox keeps the messages", () =>
    context.deliver({ ids, ignoreSchedule: true }),
  );
}

/** The server's sign-in, its links sent after the response. */
export function auth(): Auth {
  return serverContext().auth(afterResponse);
}
