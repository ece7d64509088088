// The Content-Security-Policy's building blocks, in one place for everything that writes or reads a policy:
// lib/server/security-headers.ts (every route's default), proxy.ts (each page's own) and the build step
// lib/build/script-free-adapter.mjs (the hashes of a static page's inline scripts). Plain JavaScript with JSDoc
// types: Next.js imports the build adapter with Node's own `import()`, which reads no TypeScript on Node 20.
import { createHash, randomBytes } from "node:crypto";

/**
 * The policy. `inlineScripts` says which inline scripts may run: `true` any ('unsafe-inline': Next.js's
 * bootstrap in a page whose scripts are not known ahead), `false` none (a page with no script but data), or a
 * list of sources (`'sha256-...'` from inlineScriptSource for a static page, `'nonce-...'` from nonceSource for
 * one rendered per request). Script files come only from this origin; eval is refused outside `next dev`.
 * @param {boolean} production
 * @param {{ inlineScripts?: boolean | readonly string[] }} [options]
 * @returns {string}
 */
export function contentSecurityPolicy(production, { inlineScripts = true } = {}) {
  const inline = inlineScripts === true ? ["'unsafe-inline'"] : inlineScripts === false ? [] : [...inlineScripts];
  const scripts = ["'self'", ...inline];
  /** @type {Record<string, string[]>} */
  const directives = {
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
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(" ")}`)
    .join("; ");
}

/**
 * The source that lets one inline script run: the SHA-256 of its text exactly as the document carries it
 * (between `<script>` and `</script>`, UTF-8), which is what the browser hashes.
 * @param {string} body
 * @returns {string}
 */
export function inlineScriptSource(body) {
  return `'sha256-${createHash("sha256").update(body, "utf8").digest("base64")}'`;
}

/** A fresh nonce for one response (128 random bits, base64: the form Next.js reads back from the request). */
export function newNonce() {
  return randomBytes(16).toString("base64");
}

/**
 * The source that lets the scripts carrying this nonce run.
 * @param {string} nonce
 * @returns {string}
 */
export function nonceSource(nonce) {
  return `'nonce-${nonce}'`;
}
