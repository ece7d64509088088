/**
 * The folder `next build` writes and `next start` serves: `.next`, or NEXT_DIST_DIR (a second build folder lets
 * two checkouts' test runs share a machine). next.config.ts and the server's start-up both read it here.
 */
export function buildDir(): string {
  return process.env.NEXT_DIST_DIR ?? ".next";
}
