/**
 * Response headers for every route. Pages are statically generated, so a per-request
 * nonce is not possible; Next's inline bootstrap scripts are allowed with 'unsafe-inline'
 * while every external script must come from this origin, and eval stays forbidden.
 */
export function contentSecurityPolicy(production: boolean): string {
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    "script-src": production ? ["'self'", "'unsafe-inline'"] : ["'self'", "'unsafe-inline'", "'unsafe-eval'"],
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
 * Extra headers for the page where a visitor types personal data (the quote form).
 *
 * Cross-Origin-Opener-Policy cuts off any window from another origin that opened the page, so that window
 * cannot swap the form for a lookalike. A page that sends it also gets a fresh browsing-context group, and
 * moving into one costs a renderer process swap on arrival: under Lighthouse, first paint came 50-100 ms
 * later (see PERFORMANCE.md). Content pages hold nothing that a cross-window attack could reach, so they
 * leave the header out. Framing is refused everywhere by `frame-ancestors 'none'` and X-Frame-Options.
 */
export const formPageHeaders: { key: string; value: string }[] = [
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];
