/**
 * Preloaded into a benchmarked `next start` (`node --expose-gc --import ./tests/perf/memory-probe.mjs`, with
 * MEMORY_PROBE_PORT set): a small HTTP server on that port, in the server's own process, that reads its memory
 * from inside. Resident memory rarely shrinks in Node, so the figure that tells what a request holds is V8's heap
 * in use plus external memory (Buffers, ArrayBuffers, zlib and other native allocations V8 is told about).
 *
 * POST /baseline  forced collections, then the baseline is taken and sampling every 5 ms starts
 * GET  /peak      the baseline and the peak of each figure since it, in bytes (sampling goes on)
 * POST /settled   forced collections, then the same answer (its `now` is what is left)
 *
 * Each reading has process.memoryUsage()'s figures, heapUsed + external, and each V8 heap space's use.
 */
import http from "node:http";
import { clearInterval, setInterval } from "node:timers";
import v8 from "node:v8";

const port = Number(process.env.MEMORY_PROBE_PORT);

/** Three full collections: what survives them is live. */
function collect() {
  if (typeof globalThis.gc !== "function") throw new Error("the memory probe needs node --expose-gc");
  for (let i = 0; i < 3; i++) globalThis.gc();
}

function reading() {
  const usage = process.memoryUsage();
  const spaces = Object.fromEntries(
    v8.getHeapSpaceStatistics().map((space) => [space.space_name, space.space_used_size]),
  );
  return {
    ...spaces,
    heapUsed: usage.heapUsed,
    external: usage.external,
    arrayBuffers: usage.arrayBuffers,
    heapAndExternal: usage.heapUsed + usage.external,
    heapTotal: usage.heapTotal,
    rss: usage.rss,
  };
}

let baseline;
let peak;
let samples = 0;
let sampler;

function sample() {
  const now = reading();
  samples += 1;
  for (const key of Object.keys(now)) peak[key] = Math.max(peak[key], now[key]);
}

if (port) {
  http
    .createServer((request, response) => {
      if (request.method === "POST" && request.url === "/baseline") {
        collect();
        baseline = reading();
        peak = { ...baseline };
        samples = 0;
        clearInterval(sampler);
        sampler = setInterval(sample, 5);
        sampler.unref();
      } else if (request.method === "POST" && request.url === "/settled") {
        collect();
      } else if (!(request.method === "GET" && request.url === "/peak") || !baseline) {
        response.writeHead(404).end();
        return;
      }
      sample();
      response.writeHead(200, { "content-type": "application/json" });
      response.end(JSON.stringify({ baseline, peak, now: reading(), samples }));
    })
    .listen(port, "127.0.0.1")
    .unref();
}
