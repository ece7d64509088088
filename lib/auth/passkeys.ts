/** The owner's passkeys as the desk lists them (the auth library's table; it alone creates and checks them). */
import type { Db } from "@/lib/db/client";

export type PasskeySummary = { id: string; name: string | null; createdAt: Date | null; deviceType: string };

/** A user's passkeys, oldest first. */
export function listPasskeys(db: Db, userId: string): Promise<PasskeySummary[]> {
  return db.passkey.findMany({
    where: { userId },
    orderBy: { createdAt: "asc" },
    select: { id: true, name: true, createdAt: true, deviceType: true },
  });
}

/** The longest passkey name the desk accepts. */
export const PASSKEY_NAME_MAX_LENGTH = 60;
