import { auth } from "@/app/after-response";
import { withClientIp } from "@/lib/auth/client-ip";
import { serverContext } from "@/lib/server/context";
import { clientIpFromHeaders } from "@/lib/quotes/client-ip";

/** better-auth's endpoints (sign-in link, passkeys, session, sign-out), keyed to the real client address. */
function handle(request: Request): Promise<Response> {
  const ip = clientIpFromHeaders(request.headers, serverContext().settings.TRUSTED_PROXY_HOPS);
  return auth().handler(withClientIp(request, ip));
}

export { handle as GET, handle as POST };
