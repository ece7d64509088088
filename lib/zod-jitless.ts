import { z } from "zod";

/**
 * In the browser, zod builds no parsers with `new Function`: before its first object schema it probes whether it
 * may, and under the site's Content-Security-Policy (no 'unsafe-eval') the browser reports that probe as a
 * violation even though zod catches the refusal. Import this before any schema a client component uses is made.
 * The server keeps zod's compiled parsers.
 */
if (typeof window !== "undefined") z.config({ jitless: true });
