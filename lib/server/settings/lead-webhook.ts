/** The lead webhook's values: the signing secret's form, and the URL and secret that depend on each other. */
import { z } from "zod";

const GENERATE_WEBHOOK_SECRET =
  "generate one with: node -e \"console.log('whsec_' + require('crypto').randomBytes(32).toString('base64'))\"";

/** whsec_ and standard base64 (the form the Standard Webhooks libraries read) of 24 to 64 bytes. */
function isWebhookSecret(value: string): boolean {
  const match = /^whsec_([A-Za-z0-9+/]+={0,2})$/.exec(value);
  if (!match || match[1]!.length % 4 !== 0) return false;
  const bytes = Buffer.from(match[1]!, "base64").length;
  return bytes >= 24 && bytes <= 64;
}

/** LEAD_WEBHOOK_SECRET's value. */
export const webhookSecretValue = z.string().refine(isWebhookSecret, {
  error: "must be whsec_ followed by the base64 of 24 to 64 random bytes (" + GENERATE_WEBHOOK_SECRET + ")",
});

/** The webhook's settings that depend on each other: a URL needs its secret; in production it must be https. */
export function webhookProblems(cleaned: Record<string, string>): string[] {
  const url = cleaned.LEAD_WEBHOOK_URL;
  if (!url) return [];
  const problems: string[] = [];
  if (!cleaned.LEAD_WEBHOOK_SECRET)
    problems.push(`LEAD_WEBHOOK_SECRET: is required when LEAD_WEBHOOK_URL is set; ${GENERATE_WEBHOOK_SECRET}`);
  if (cleaned.NODE_ENV === "production" && URL.canParse(url)) {
    const { protocol, hostname } = new URL(url);
    // Plain http only to this machine (a local automation agent): anywhere else the payload crosses a network.
    if (protocol !== "https:" && !["localhost", "127.0.0.1", "[::1]"].includes(hostname))
      problems.push("LEAD_WEBHOOK_URL: must be an https URL in production (http only to localhost or 127.0.0.1)");
  }
  return problems;
}
