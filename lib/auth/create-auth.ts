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
import { normalizePathname } from "@better-auth/core/utils/url";
import { betterAuth, type BetterAuthPlugin } from "better-auth";
import { APIError, getEndpoints } from "better-auth/api";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { nextCookies } from "better-auth/next-js";
import { magicLink } from "better-auth/plugins";
import { databaseProvider, type Db } from "@/lib/db/client";
import { emailKey } from "@/lib/leads/keys";
import type { Log } from "@/lib/server/log";

const BASE_PATH = "/api/auth";
/** Minutes a sign-in link stays valid. */
export const LINK_MINUTES = 10;
/** Link requests per client address per minute (verifications share the limit). */
export const LINK_REQUESTS_PER_MINUTE = 5;
/** The header the auth route sets to the client address it worked out (any copy a client sent is replaced). */
export const CLIENT_IP_HEADER = "x-fsdev-client-ip";

/**
 * The only paths the handler serves (under /api/auth): what the desk's sign-in form, its passkey buttons and
 * its account page call, and the link in the email. better-auth has some 40 more (update-user, delete-user,
 * change-email, link-social, refresh-token, ...); each answers 404, including any a later version adds.
 */
export const AUTH_PATHS = [
  "/sign-in/magic-link",
  "/magic-link/verify",
  "/get-session",
  "/sign-out",
  "/passkey/generate-register-options",
  "/passkey/verify-registration",
  "/passkey/generate-authenticate-options",
  "/passkey/verify-authentication",
  "/passkey/list-user-passkeys",
  "/passkey/update-passkey",
  "/passkey/delete-passkey",
] as const;

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
  /** Where the library's own log lines go (escaped there: a request's callback URL can end up in them). */
  log: Log;
};

export function createAuth(deps: AuthDeps) {
  const owner = emailKey(deps.ownerEmail);
  const origin = new URL(deps.baseURL).origin;
  const plugins = [
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
  ];
  // `disabledPaths`: every path the library and these plugins route, less the ones the desk uses, answered 404
  // before the rate limiter (the endpoints are only listed here, never called, so their context is never made).
  // It matches whole paths only, so `onlyDeskPaths` also refuses paths with a parameter (/callback/:id) and any
  // other path not on the list.
  const kept: ReadonlySet<string> = new Set(AUTH_PATHS);
  const disabledPaths = Object.values(getEndpoints(new Promise<never>(() => {}), { plugins }).api)
    .map((endpoint) => endpoint.path)
    .filter((path): path is string => typeof path === "string" && !kept.has(path));
  const onlyDeskPaths = {
    id: "fsdev-only-desk-paths",
    onRequest: async (request: Request) =>
      kept.has(normalizePathname(request.url, BASE_PATH))
        ? undefined
        : { response: new Response("Not Found", { status: 404 }) },
  } satisfies BetterAuthPlugin;
  return betterAuth({
    appName: deps.siteName,
    baseURL: origin,
    basePath: BASE_PATH,
    secret: deps.secret,
    trustedOrigins: [origin],
    database: prismaAdapter(deps.db, { provider: databaseProvider(deps.databaseUrl) }),
    emailAndPassword: { enabled: false },
    session: { expiresIn: 7 * 86_400, updateAge: 86_400 },
    rateLimit: { enabled: true, storage: "database", window: 60, max: 60 },
    // disableOriginCheck false: the origin and callback-URL checks hold under NODE_ENV=test too (the library
    // skips them there by default), so the tests exercise what production runs.
    advanced: { ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] }, disableOriginCheck: false },
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
    disabledPaths,
    // The library's own lines (a rejected callback URL, say) go through the server's escaping log; debug and
    // info lines are dropped (the default level, "warn").
    logger: { log: (level, message, ...args) => deps.log[level === "debug" ? "info" : level](message, ...args) },
    plugins: [onlyDeskPaths, ...plugins],
  });
}

export type Auth = ReturnType<typeof createAuth>;
