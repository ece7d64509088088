import { describe, expect, it } from "vitest";
import { commonRoot } from "../perf/floor-server";
import { scriptsBeforeLcp } from "../perf/scripts-before-lcp";

// Trace timestamps are microseconds; DevTools log timestamps are seconds on the same clock.
const lcpAt = 2_000_000;
const trace = [
  { name: "largestContentfulPaint::Candidate", ts: 1_000_000 },
  { name: "largestContentfulPaint::Candidate", ts: lcpAt },
  { name: "EvaluateScript", ts: 1_500_000, args: { data: { url: "http://x/ran-before.js" } } },
  { name: "EvaluateScript", ts: 1_900_000, args: { data: { url: "http://x/ran-before.js" } } },
  { name: "EvaluateScript", ts: 2_500_000, args: { data: { url: "http://x/ran-after.js" } } },
  { name: "EvaluateScript", ts: 1_800_000, args: { data: { url: "http://x/arrived-after.js" } } },
];
const request = (id: string, url: string, type: string, finishedAt: number, bytes: number) => [
  { method: "Network.requestWillBeSent", params: { requestId: id, type, request: { url } } },
  { method: "Network.loadingFinished", params: { requestId: id, timestamp: finishedAt, encodedDataLength: bytes } },
];
const log = [
  ...request("1", "http://x/ran-before.js", "Script", 1.4, 2048),
  ...request("2", "http://x/ran-after.js", "Script", 1.2, 4096),
  ...request("3", "http://x/arrived-after.js", "Script", 2.1, 8192),
  ...request("4", "http://x/style.css", "Stylesheet", 1.0, 1024),
  { method: "Debugger.resumed" },
];

describe("scriptsBeforeLcp", () => {
  it("counts only scripts that had arrived and started running by the last LCP candidate", () => {
    expect(scriptsBeforeLcp(trace, log)).toEqual({ count: 1, kb: 2 });
  });

  it("moves with the LCP time", () => {
    const late = [...trace, { name: "largestContentfulPaint::Candidate", ts: 3_000_000 }];
    expect(scriptsBeforeLcp(late, log)).toEqual({ count: 3, kb: 14 });
  });

  it("reports no figure for a run without an LCP", () => {
    expect(scriptsBeforeLcp(trace.slice(2), log).kb).toBeNaN();
  });
});

describe("commonRoot", () => {
  it("finds the deepest shared folder", () => {
    expect(commonRoot("/tmp/fsdev-floor-abc", "/work/main/node_modules")).toBe("/");
    expect(commonRoot("/work/tmp/floor", "/work/main/node_modules")).toBe("/work");
    expect(commonRoot("/work/main/a", "/work/main/node_modules")).toBe("/work/main");
  });
});
