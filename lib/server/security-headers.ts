import { contentSecurityPolicy } from "./content-security-policy.mjs";

export { contentSecurityPolicy };

/**
 * Response headers for every route. Every route gets the policy that allows inline scripts ('unsafe-inline'):
 * what Next.js puts inline is not known ahead for every response. proxy.ts replaces it for the pages whose
 * scripts are known (lib/server/page-scripts.ts): none on a content page, hashes on the static pages that keep
 * the runtime, a per-request nonce on pages rendered per request.
 */
export function securityHeaders(production: boolean): { key: string; value: string }[] {
  const headers = [
    { key: "Content-Security-Policy", value: contentSecurityPolicy(production) },
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    { key: "X-Frame-Options", value: "DENY" },
    {
      key: "Permissions-Policy",
      value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()",
    },
  ];
  if (production) {
    headers.push({ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains; preload" });
  }
  return headers;
}

/**
 * Extra headers for the owner's desk, the only pages that answer differently for a signed-in visitor.
 *
 * Cross-Origin-Opener-Policy cuts every window from another origin off from a desk page it opened (and the
 * desk page off from its opener), so another site cannot navigate the owner's signed-in tab to a lookalike or
 * probe it across windows to learn whether its visitor is the owner. The public pages, the quote form
 * included, hold no signed-in state: each is the same static HTML for every visitor, and what the form sends
 * back cannot be read from another origin's window. There the header would only move each landing into a new
 * browsing-context group, a renderer swap that delays the first paint (docs/performance.md). Framing is
 * refused everywhere by `frame-ancestors 'none'` and X-Frame-Options.
 */
export const deskHeaders: { key: string; value: string }[] = [
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  // The desk is never indexed (its pages also say so in a meta tag).
  { key: "X-Robots-Tag", value: "noindex, nofollow" },
];
