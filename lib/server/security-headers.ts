/**
 * Response headers for every route. Pages are statically generated, so a per-request
 * nonce is not possible; Next's inline bootstrap scripts are allowed with 'unsafe-inline'
 * while every external script must come from this origin, and eval stays forbidden.
 * Pages the build serves without the framework's runtime (lib/server/script-free-pages.ts) have no
 * inline script to allow: proxy.ts sends them the policy with `inlineScripts: false`.
 */
export function contentSecurityPolicy(production: boolean, { inlineScripts = true } = {}): string {
  const scripts = inlineScripts ? ["'self'", "'unsafe-inline'"] : ["'self'"];
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    "script-src": production ? scripts : [...scripts, "'unsafe-eval'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'"],
    "media-src": ["'self'"],
    "connect-src": production ? ["'self'"] : ["'self'", "ws:"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
    "frame-src": ["'none'"],
    "worker-src": ["'self'"],
    "manifest-src": ["'self'"],
  };
  const policy = Object.entries(directives).map(([name, values]) => `${name} ${values.join(" ")}`);
  return policy.join("; ");
}

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
