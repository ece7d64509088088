// Time in the tests. Waiting for something goes through `until` (it polls a condition and fails naming what
// never happened); a deliberate pause (a slow client, a person who reads before sending again, a schedule a
// benchmark keeps) goes through `pace`, the only place in tests/ that sleeps, with the reason spelled out.

/** The form's minimum fill time in the e2e run (MIN_SUBMIT_SECONDS=1 in playwright.config.ts), plus a margin. */
export const MIN_FILL_MS = 1_100;

/**
 * The form refuses a post sent sooner than MIN_SUBMIT_SECONDS after it was rendered (a person takes longer):
 * a test that posts a form waits past that, as a person would.
 */
export const pastMinimumFillTime = (ms = MIN_FILL_MS) =>
  pace(ms, "the form refuses a post sent within MIN_SUBMIT_SECONDS of its rendering");

/**
 * A deliberate pause of `ms` (nothing to wait for: the time itself is what the test needs). `why` says what
 * the pause stands for; set PACE_LOG=1 to see each one.
 */
export function pace(ms: number, why: string): Promise<void> {
  if (process.env.PACE_LOG) console.log(`pace ${Math.round(ms)} ms: ${why}`);
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
}

/**
 * Polls `check` every `intervalMs` until it returns something other than undefined or false; returns that
 * value, or throws `${what} within ${timeoutMs} ms` when time runs out.
 */
export async function until<T>(
  check: () => T | undefined | false | Promise<T | undefined | false>,
  opts: { what: string; timeoutMs: number; intervalMs: number },
): Promise<T> {
  const deadline = Date.now() + opts.timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`not reached: ${opts.what} within ${opts.timeoutMs} ms`);
    await pace(opts.intervalMs, `polling: ${opts.what}`);
  }
}
