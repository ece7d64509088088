/** lib/leads wired to this process's settings: the database, the mail templates and the outbox sender. */
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { deliverPendingFromEnv, mailContextFromEnv } from "@/lib/mail/configured";
import type { CommandContext, Deliver, RenderHeldMail } from "./commands";
import { heldMailRenderer } from "./mail";

export function leadContextFromEnv(
  actor: string,
): CommandContext & { renderHeldMail: RenderHeldMail; deliver: Deliver } {
  return {
    db: db(),
    actor,
    renderHeldMail: heldMailRenderer({ ownerTo: env().QUOTE_TO, ctx: mailContextFromEnv() }),
    deliver: (opts) => deliverPendingFromEnv(opts),
  };
}
