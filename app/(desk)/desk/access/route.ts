import { z } from "zod";
import { accessExport, accessFileName } from "@/lib/leads/access";
import { serverContext } from "@/lib/server/context";
import { ownerDownload, refusedDownload } from "../download";

/**
 * POST /desk/access: an access request (POPIA section 23) answered as one JSON download of everything stored
 * about the address, matched as erasure matches it; recorded in the audit trail without the address.
 */
export function POST(request: Request): Promise<Response> {
  return ownerDownload(request, async (form, owner) => {
    const email = z.email().safeParse(String(form.get("email") ?? "").trim());
    if (!email.success) return refusedDownload("Enter the person's email address.");
    const { settings, db } = serverContext();
    const now = new Date();
    const { json } = await accessExport(email.data, {
      db,
      secret: settings.FORM_SECRET,
      actor: owner.email,
      now: () => now,
    });
    return { body: json, contentType: "application/json; charset=utf-8", fileName: accessFileName(now) };
  });
}
