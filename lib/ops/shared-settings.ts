/**
 * Settings every instance must share (lib/server/env.ts, sharedSettings): each server process records a keyed
 * digest of its own at start and every minute after, and /api/health compares it with those of the other live
 * processes on the same database. The digest is an HMAC-SHA256 keyed with FORM_SECRET, so a copy of the database
 * tells nothing about the settings (CRON_SECRET among them), and two instances with different FORM_SECRETs differ
 * whatever else they share. Neither the settings nor the digest leave the server: health says only
 * "consistent" or "mismatch".
 */
import { createHmac } from "node:crypto";
import type { Db } from "@/lib/db/client";

/** How often a process refreshes its row; rows not refreshed for LIVE_MS belong to processes that are gone. */
export const HEARTBEAT_MS = 60_000;
export const LIVE_MS = 3 * HEARTBEAT_MS;
/** Rows of processes gone this long are deleted. */
const FORGET_MS = 24 * 60 * 60_000;

export type SettingsAgreement = "consistent" | "mismatch";

/** The keyed digest of a process's shared settings. */
export function settingsDigest(shared: Record<string, unknown>, formSecret: string): string {
  const canonical = JSON.stringify(
    Object.keys(shared)
      .sort()
      .map((name) => [name, shared[name]]),
  );
  return createHmac("sha256", `fsdev-shared-settings:${formSecret}`).update(canonical).digest("hex");
}

/** This process is alive with these settings (its row written, or refreshed); long-gone processes' rows go. */
export async function recordInstance(db: Db, instance: string, digest: string, now = new Date()): Promise<void> {
  await db.instanceSettings.upsert({
    where: { instance },
    create: { instance, digest, startedAt: now, seenAt: now },
    update: { digest, seenAt: now },
  });
  await db.instanceSettings.deleteMany({ where: { seenAt: { lt: new Date(now.getTime() - FORGET_MS) } } });
}

/** Whether every process seen within LIVE_MS has the same digest as this one. */
export async function settingsAgreement(db: Db, digest: string, now = new Date()): Promise<SettingsAgreement> {
  const others = await db.instanceSettings.count({
    where: { seenAt: { gte: new Date(now.getTime() - LIVE_MS) }, digest: { not: digest } },
  });
  return others === 0 ? "consistent" : "mismatch";
}
