/**
 * The page nginx answers with when no instance could (lib/ops/nginx-site.conf, `error_page 502 503 504`): its
 * words from content/quote-form.ts (`proxyError`), and the same security headers the app sends on every
 * response (lib/server/security-headers.ts), as an nginx include of `add_header` lines, since nginx serves this
 * file itself. `npm run nginx:error-page -- <dir>` writes both files into the folder FSDEV_ERROR_DIR names.
 */
import type { QuoteFormCopy } from "@/lib/quotes/copy-schema";
import { plainPage } from "@/lib/server/refusal-page";
import { contentSecurityPolicy, securityHeaders } from "@/lib/server/security-headers";

export const PROXY_ERROR_PAGE = "proxy-error.html";
export const PROXY_ERROR_HEADERS = "proxy-error-headers.conf";

/** The page itself: what happened, and that going back and sending again is safe. */
export function proxyErrorPage(copy: QuoteFormCopy["proxyError"]): string {
  return plainPage({ title: copy.heading, heading: copy.heading, paragraphs: [copy.text] });
}

/**
 * `add_header` lines for nginx: every security header of the production app (the policy without 'unsafe-inline':
 * the page has no script), and no caching.
 */
export function proxyErrorHeaders(): string {
  const policy = contentSecurityPolicy(true, { inlineScripts: false });
  const headers = [
    ...securityHeaders(true).map((header) =>
      header.key === "Content-Security-Policy" ? { ...header, value: policy } : header,
    ),
    { key: "Cache-Control", value: "no-store" },
  ];
  return `${headers
    .map(({ key, value }) => {
      // Inside nginx's double quotes, `$` starts a variable and `"` or `\` end or escape the string.
      if (/["\\$]/.test(value)) throw new Error(`${key}: a value nginx cannot quote`);
      return `add_header ${key} "${value}" always;`;
    })
    .join("\n")}\n`;
}

/** Both files, by name. */
export function proxyErrorFiles(copy: QuoteFormCopy["proxyError"]): Record<string, string> {
  return { [PROXY_ERROR_PAGE]: proxyErrorPage(copy), [PROXY_ERROR_HEADERS]: proxyErrorHeaders() };
}
