import http from "node:http";
import { quoteForm } from "@/content/quote-form";
import { applyServerTimeouts, guardRequestBody, type BodyLimit } from "@/lib/body-guard";
import { ConfigError, env } from "@/lib/env";
import { deliverPendingFromEnv } from "@/lib/mail/from-env";
import { ORIGINAL_XFF_HEADER, PEER_HEADER, stampValue } from "@/lib/quotes/client-ip";
import { MAX_BODY_BYTES } from "@/lib/quotes/fields";
import { refusalPage } from "@/lib/refusal-page";
import { securityHeaders } from "@/lib/security-headers";

const RETRY_EVERY_MS = 60_000;

const page = (message: string) => ({
  html: refusalPage(message, quoteForm.backToForm),
  headers: Object.fromEntries(securityHeaders(true).map((header) => [header.key, header.value])),
});
const bodyLimit: BodyLimit = {
  maxBytes: MAX_BODY_BYTES,
  refusal: () => page(quoteForm.tooLarge),
  busy: () => page(quoteForm.busy),
};

/**
 * Every request of the HTTP server `next start` runs, before Next.js sees it:
 * - the TCP peer address and the X-Forwarded-For it arrived with are recorded (Next.js fills
 *   X-Forwarded-For in when it is missing); lib/quotes/client-ip.ts reads these. Values a client sends
 *   under the same names are overwritten, and carry no valid stamp anyway;
 * - a body over the form's limit is refused at once (lib/body-guard.ts), and the server's request and
 *   header timeouts are shortened, so a slow or huge body cannot hold a connection for minutes;
 * - form posts reach Next.js whole and a few at a time, so a flood of them cannot starve page loads.
 */
function guardRequests() {
  const marker = Symbol.for("fsdev.peer-stamp");
  const proto = http.Server.prototype as unknown as Record<symbol, boolean> & { emit: http.Server["emit"] };
  if (proto[marker]) return;
  proto[marker] = true;
  const emit = proto.emit;
  proto.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === "connection") applyServerTimeouts(this);
    if (event !== "request") return Reflect.apply(emit, this, [event, ...args]) as boolean;
    const [request, response] = args as [http.IncomingMessage, http.ServerResponse];
    request.headers[PEER_HEADER] = stampValue(request.socket?.remoteAddress ?? "");
    const forwarded = request.headers["x-forwarded-for"];
    request.headers[ORIGINAL_XFF_HEADER] = stampValue(
      Array.isArray(forwarded) ? forwarded.join(",") : (forwarded ?? ""),
    );
    guardRequestBody(request, response, bodyLimit, () => Reflect.apply(emit, this, [event, ...args]));
    return true;
  } as http.Server["emit"];
}

/** Delivers mail left pending by an earlier process or a mail outage, now and every minute. */
function startOutboxRetries() {
  let running = false;
  // One pass at a time: a slow or dead mail server must not pile passes up.
  const run = async () => {
    if (running) return;
    running = true;
    try {
      await deliverPendingFromEnv();
    } catch (error) {
      console.error("mail: scheduled outbox delivery failed", error);
    } finally {
      running = false;
    }
  };
  setTimeout(() => void run(), 2_000).unref();
  setInterval(() => void run(), RETRY_EVERY_MS).unref();
}

export async function onServerStart() {
  try {
    env();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    // Refuse to serve with a broken configuration: one message naming each variable, no stack trace.
    console.error(`\n${error.message}\nSee .env.example for every setting. The server will not start.\n`);
    process.exit(1);
  }
  guardRequests();
  startOutboxRetries();
}
