/**
 * One signed POST of a queued lead alert, per the Standard Webhooks specification (the `standardwebhooks`
 * package signs): `webhook-id` (the same for every delivery of one alert), `webhook-timestamp` (this attempt's
 * time, in seconds) and `webhook-signature` (v1, HMAC-SHA256 of id, timestamp and body). A 2xx answer is a
 * delivery; anything else, a refused connection or the time limit is a failed attempt that the outbox retries.
 * Neither the payload nor the URL goes into an error message.
 */
import { Webhook } from "standardwebhooks";

export type WebhookTarget = {
  url: string;
  secret: string;
  /** Longest wait for the receiver's answer, connection included (default 10 s). */
  timeoutMs?: number;
  /** The signature's clock: the real time of the attempt, which the receiver compares with its own. */
  now?: () => Date;
};

export type WebhookDelivery = { id: string; body: string };

const DEFAULT_TIMEOUT_MS = 10_000;

/** Why the POST failed, in words that name neither the URL (it may hold a token) nor the payload. */
function reachError(error: unknown): Error {
  if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError"))
    return new Error("the webhook receiver did not answer in time");
  const cause = error instanceof Error ? (error.cause as { code?: unknown } | undefined) : undefined;
  const code = typeof cause?.code === "string" ? cause.code : "network error";
  return new Error(`could not reach the webhook receiver (${code})`);
}

/** Sends one alert; resolves on a 2xx answer, throws otherwise. */
export async function postWebhook(target: WebhookTarget, delivery: WebhookDelivery): Promise<void> {
  const at = (target.now ?? (() => new Date()))();
  const signature = new Webhook(target.secret).sign(delivery.id, at, delivery.body);
  let response: Response;
  try {
    response = await fetch(target.url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "user-agent": "FS Dev website lead alerts",
        "webhook-id": delivery.id,
        "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
        "webhook-signature": signature,
      },
      body: delivery.body,
      // A signed lead is never forwarded to an address the settings do not name.
      redirect: "error",
      signal: AbortSignal.timeout(target.timeoutMs ?? DEFAULT_TIMEOUT_MS),
    });
  } catch (error) {
    throw reachError(error);
  }
  // The answer's body is not needed (and not logged): release the connection.
  await response.body?.cancel().catch(() => {});
  if (!response.ok) throw new Error(`the webhook receiver answered HTTP ${response.status}`);
}
