/**
 * The JavaScript that had downloaded and started running by the time the LCP frame was presented,
 * read from one Lighthouse run's trace and DevTools log.
 *
 * Lighthouse's simulated ("lantern") LCP replays every request that finished before the observed LCP,
 * except scripts that had not started running by then. So whether the framework's ~140 KB of
 * scripts land before or after the first frame on this machine decides whether the simulated slow-4G
 * LCP has to download them (on this site: 2.1-2.5 s when it does, 1.3-1.9 s on most pages when it
 * does not). This figure shows which case a run fell into.
 */
type TraceEvent = { name: string; ts: number; args?: { data?: { url?: string } } };
type LogEntry = { method: string; params?: object };

export function scriptsBeforeLcp(
  traceEvents: readonly TraceEvent[],
  devtoolsLog: readonly LogEntry[],
): { count: number; kb: number } {
  const lcp = traceEvents.filter((event) => event.name === "largestContentfulPaint::Candidate").at(-1)?.ts;
  if (lcp === undefined) return { count: 0, kb: NaN };
  const firstRun = new Map<string, number>();
  for (const event of traceEvents) {
    const url = event.args?.data?.url;
    if (event.name !== "EvaluateScript" || !url) continue;
    const earlier = firstRun.get(url);
    if (earlier === undefined || event.ts < earlier) firstRun.set(url, event.ts);
  }
  const scripts = new Map<string, string>();
  let count = 0;
  let bytes = 0;
  for (const entry of devtoolsLog) {
    const { method } = entry;
    const params = entry.params as Record<string, unknown>;
    if (method === "Network.requestWillBeSent" && params.type === "Script") {
      scripts.set(params.requestId as string, (params.request as { url: string }).url);
    }
    if (method === "Network.loadingFinished" && scripts.has(params.requestId as string)) {
      const finished = (params.timestamp as number) * 1e6;
      const started = firstRun.get(scripts.get(params.requestId as string)!);
      if (finished <= lcp && started !== undefined && started <= lcp) {
        count += 1;
        bytes += params.encodedDataLength as number;
      }
    }
  }
  return { count, kb: bytes / 1024 };
}
