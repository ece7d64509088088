/**
 * Runs once when the server process starts (Next.js instrumentation hook). The Node-only work
 * lives in lib/server/start.ts so the edge bundle never sees it.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { onServerStart } = await import("./lib/server/start");
  await onServerStart();
}
