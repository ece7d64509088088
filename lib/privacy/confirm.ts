/**
 * Confirming a privacy request: the token from the mailed link, used once, before the request's deadline. Only
 * then does the request reach the desk. The audit trail records it without the address.
 */
import type { Db } from "@/lib/db/client";
import { confirmTokenHash } from "./submit";

export type ConfirmResult = "confirmed" | "invalid";

export async function confirmPrivacyRequest(
  token: string | undefined,
  deps: { db: Db; now?: () => Date },
): Promise<ConfirmResult> {
  if (!token || token.length > 100) return "invalid";
  const now = (deps.now ?? (() => new Date()))();
  const hash = confirmTokenHash(token);
  const request = await deps.db.privacyRequest.findUnique({ where: { confirmTokenHash: hash }, select: { id: true } });
  if (!request) return "invalid";
  // One conditional update: of two clicks at once, one confirms and the other finds the token gone.
  const { count } = await deps.db.privacyRequest.updateMany({
    where: { id: request.id, confirmTokenHash: hash, status: "unconfirmed", confirmBy: { gt: now } },
    data: { status: "open", confirmedAt: now, confirmTokenHash: null },
  });
  if (count !== 1) return "invalid";
  await deps.db.leadEvent.create({
    data: {
      actor: "system",
      action: "privacy_confirmed",
      detail: `privacy request #${request.id} confirmed`,
      createdAt: now,
    },
  });
  return "confirmed";
}
