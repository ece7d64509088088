import { ConfigError, env } from "@/lib/env";
import { deliverPendingFromEnv } from "@/lib/mail/configured";
import { stampPeerAddress } from "@/lib/peer-stamp";

const RETRY_EVERY_MS = 60_000;

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
  stampPeerAddress();
  startOutboxRetries();
}
