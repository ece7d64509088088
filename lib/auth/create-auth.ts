/**
 * The owner's sign-in, on better-auth: an email link (magic-link plugin) to the one owner address, then
 * passkeys. Sessions live in the database; the cookie is HttpOnly, SameSite=Lax, and Secure (with the
 * __Secure- prefix) when the site is served over https.
 *
 * No enumeration: a link request for any address gets the same answer in the same time. The library
 * stores a token and calls `sendLink` for every address; for the owner the link is only queued there
 * (sent after the response), for anyone else nothing happens. A stranger's token could not sign in
 * anyway: creating any user but the owner is refused.
 */
import { createHmac } from "node:crypto";
import { passkey } from "@better-auth/passkey";
import { betterAuth } from "better-auth";
import { APIError } from "better-auth/api";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { nextCookies } from "better-auth/next-js";
import { magicLink } from "better-auth/plugins";
import { databaseProvider, type Db } from "@/lib/db/client";
import { emailKey } from "@/lib/leads/keys";

/** Minutes a sign-in link stays valid. */
export const LINK_MINUTES = 10;
/** Link requests per client address per minute (verifications share the limit). */
export const LINK_REQUESTS_PER_MINUTE = 5;
/** The header the auth route sets to the client address it worked out (any copy a client sent is replaced). */
export const CLIENT_IP_HEADER = "x-fsdev-client-ip";

/** better-auth's secret, derived from FORM_SECRET so the site has one secret to manage. */
export function authSecret(formSecret: string): string {
  return createHmac("sha256", formSecret).update("better-auth session secret").digest("base64url");
}

export type AuthDeps = {
  db: Db;
  databaseUrl: string;
  /** The desk's origin (DESK_URL or SITE_URL): links, cookies and the passkey relying party derive from it. */
  baseURL: string;
  secret: string;
  ownerEmail: string;
  siteName: string;
  /** Called with the link for the owner's address only; must not wait for the mail server. */
  sendLink: (url: string) => void | Promise<void>;
};

export function createAuth(deps: AuthDeps) {
  const owner = emailKey(deps.ownerEmail);
  const origin = new URL(deps.baseURL).origin;
  return betterAuth({
    appName: deps.siteName,
    baseURL: origin,
    basePath: "/api/auth",
    secret: deps.secret,
    trustedOrigins: [origin],
    database: prismaAdapter(deps.db, { provider: databaseProvider(deps.databaseUrl) }),
    emailAndPassword: { enabled: false },
    session: { expiresIn: 7 * 86_400, updateAge: 86_400 },
    rateLimit: { enabled: true, storage: "database", window: 60, max: 60 },
    advanced: { ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] } },
    databaseHooks: {
      user: {
        create: {
          // Only the owner can ever become a user, whatever token reaches the verify endpoint.
          before: async (user) => {
            if (emailKey(user.email) !== owner) throw new APIError("FORBIDDEN", { message: "Not allowed" });
            return { data: user };
          },
        },
      },
    },
    plugins: [
      magicLink({
        expiresIn: LINK_MINUTES * 60,
        storeToken: "hashed",
        rateLimit: { window: 60, max: LINK_REQUESTS_PER_MINUTE },
        sendMagicLink: async ({ email, url }) => {
          if (emailKey(email) === owner) await deps.sendLink(url);
        },
      }),
      passkey({ rpID: new URL(origin).hostname, rpName: `${deps.siteName} desk`, origin }),
      nextCookies(),
    ],
  });
}

export type Auth = ReturnType<typeof createAuth>;
