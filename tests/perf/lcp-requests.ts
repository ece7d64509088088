/**
 * What one Lighthouse run's simulated LCP waited for: the LCP element, and the requests besides the document that
 * finished before the observed LCP paint. Lighthouse's simulated ("lantern") LCP replays every such request on slow
 * 4G, leaving out only low-priority images (and scripts that had not started running): a preloaded font or a
 * caption track counts even when the text painted before it in the fallback font.
 */
type Lhr = { audits: Record<string, { details?: unknown } | undefined> };
type RequestItem = {
  url: string;
  resourceType?: string;
  priority?: string;
  networkEndTime?: number;
  transferSize?: number;
};

export function lcpRequests(lhr: Lhr): { element: string; requests: string[] } {
  const metrics = (lhr.audits.metrics?.details as { items?: { observedLargestContentfulPaint?: number }[] })?.items;
  const observedLcp = metrics?.[0]?.observedLargestContentfulPaint ?? NaN;
  const breakdown = (lhr.audits["lcp-breakdown-insight"]?.details as { items?: { nodeLabel?: string }[] })?.items;
  const element = breakdown?.find((item) => item.nodeLabel)?.nodeLabel ?? "unknown";
  const items = (lhr.audits["network-requests"]?.details as { items?: RequestItem[] })?.items ?? [];
  const lowPriorityImage = (item: RequestItem) =>
    item.resourceType === "Image" && (item.priority === "Low" || item.priority === "VeryLow");
  const requests = items
    .filter((item) => item.resourceType !== "Document" && !item.url.startsWith("data:"))
    .filter((item) => !lowPriorityImage(item) && (item.networkEndTime ?? Infinity) <= observedLcp)
    .map((item) => {
      const url = new URL(item.url);
      // An optimised image (/_next/image?url=...) is named by its source file.
      const file = (url.searchParams.get("url") ?? url.pathname).split("/").at(-1);
      return `${item.resourceType} ${file} (${item.priority}, ${((item.transferSize ?? 0) / 1024).toFixed(1)} KB)`;
    });
  return { element: element.length > 50 ? `${element.slice(0, 50)}…` : element, requests };
}
