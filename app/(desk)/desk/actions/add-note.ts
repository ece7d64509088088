"use server";

import { z } from "zod";
import { addNote, NOTE_MAX_LENGTH } from "@/lib/leads/commands";
import { serverContext } from "@/lib/server/context";
import { leadReference } from "@/lib/leads/reference";
import { done, failed } from "../action-results";
import { ownerAction } from "../safe-action";

/** Adds a note to a lead's timeline. */
export const addNoteAction = ownerAction(
  z.object({
    reference: leadReference,
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
