import { CLIENT_IP_HEADER } from "./create-auth";

/**
 * A copy of the request whose client-address header holds `ip` (or a shared "unknown" bucket), replacing
 * anything the client sent under that name, so the auth library's rate limit keys on the real client.
 */
export function withClientIp(request: Request, ip: string | null): Request {
  const headers = new Headers(request.headers);
  headers.set(CLIENT_IP_HEADER, ip ?? "0.0.0.0");
  return new Request(request, { headers });
}
