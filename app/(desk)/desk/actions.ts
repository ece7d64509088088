"use server";

/**
 * Every action of the owner's desk. Each is built with `ownerAction` (session checked, input validated,
 * then the body), calls lib/leads, and the lib/leads command writes the audit row.
 * tests/e2e/desk-guard.spec.ts calls every export of this file without a valid session.
 */
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { ActionState } from "@/components/desk/action-state";
import { serverContext } from "@/lib/server/context";
import { auth, deliverAfterResponse } from "@/app/after-response";
import { addNote, changeStatus, markSpam, NOTE_MAX_LENGTH, releaseSpam, retryMail } from "@/lib/leads/commands";
import { eraseByEmail } from "@/lib/leads/erase";
import { LEAD_STATUSES, STATUS_LABELS } from "@/lib/leads/status";
import { ownerAction } from "./guard";

const reference = z
  .string({ error: "A lead reference is missing." })
  .trim()
  .regex(/^[A-Za-z0-9-]{1,40}$/, { error: "That is not a lead reference." });

const leadPath = (ref: string) => `/desk/leads/${encodeURIComponent(ref)}`;

function done(ref: string, message: string): ActionState {
  revalidatePath("/desk", "layout");
  revalidatePath(leadPath(ref));
  return { status: "ok", message };
}

function failed(message: string): ActionState {
  return { status: "error", message };
}

export const changeStatusAction = ownerAction(
  z.object({ reference, status: z.enum(LEAD_STATUSES, { error: "Choose a status." }) }),
  async (input, owner) => {
    const ctx = serverContext().leads(owner.email);
    const result = await changeStatus(ctx, input.reference, input.status, input.status === "spam" ? "spam" : "status");
    if (!result.ok) return failed(result.message);
    deliverAfterResponse(result.outboxIds);
    return done(
      result.reference,
      result.changed ? `Status changed to ${STATUS_LABELS[input.status]}.` : `Already ${STATUS_LABELS[input.status]}.`,
    );
  },
);

export const addNoteAction = ownerAction(
  z.object({
    reference,
    note: z
      .string({ error: "Write a note." })
      .trim()
      .min(1, { error: "Write a note." })
      .max(NOTE_MAX_LENGTH, { error: `A note holds at most ${NOTE_MAX_LENGTH} characters.` }),
  }),
  async (input, owner) => {
    const result = await addNote(serverContext().leads(owner.email), input.reference, input.note);
    return result.ok ? done(result.reference, "Note added.") : failed(result.message);
  },
);

export const markSpamAction = ownerAction(z.object({ reference }), async (input, owner) => {
  const result = await markSpam(serverContext().leads(owner.email), input.reference);
  return result.ok ? done(result.reference, "Marked as spam.") : failed(result.message);
});

export const releaseSpamAction = ownerAction(z.object({ reference }), async (input, owner) => {
  const ctx = serverContext().leads(owner.email);
  const result = await releaseSpam(ctx, input.reference);
  if (!result.ok) return failed(result.message);
  deliverAfterResponse(result.outboxIds);
  return done(
    result.reference,
    result.outboxIds.length > 0 ? "Moved to New; its two emails are being sent." : "Moved to New.",
  );
});

export const retryMailAction = ownerAction(z.object({ reference }), async (input, owner) => {
  const result = await retryMail(serverContext().leads(owner.email), input.reference);
  if (!result.ok) return failed(result.message);
  const delivery = result.delivery;
  if (!delivery || result.outboxIds.length === 0) return done(result.reference, "No email was waiting.");
  return done(
    result.reference,
    delivery.failed > 0
      ? `${delivery.sent} sent, ${delivery.failed} failed: see the error below; it stays queued.`
      : `${delivery.sent} email(s) sent.`,
  );
});

export const eraseAction = ownerAction(
  z.object({
    email: z.email({ error: "Enter the person's email address." }),
    confirm: z.literal("yes", { error: "Tick the box to confirm: erasure cannot be undone." }),
  }),
  async (input, owner) => {
    const { settings, db } = serverContext();
    const result = await eraseByEmail(input.email, {
      db,
      mailDir: settings.MAIL_DIR,
      secret: settings.FORM_SECRET,
      actor: owner.email,
    });
    revalidatePath("/desk", "layout");
    return {
      status: "ok",
      message:
        `Erased: ${result.requests} request(s), ${result.messages} email(s), ${result.files} mail file(s). ` +
        "The erasure log keeps only a hash of the address.",
    };
  },
);

export const signOutAction = ownerAction(z.object({}), async () => {
  await auth().api.signOut({ headers: await headers() });
  redirect("/desk/sign-in?signed-out=1");
});
