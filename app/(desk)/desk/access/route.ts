import { z } from "zod";
import { accessExport, accessFileName } from "@/lib/leads/access";
import { serverContext } from "@/lib/server/context";
import { currentOwner } from "../guard";

const NO_STORE = { "cache-control": "no-store" };

/**
 * POST /desk/access: an access request (POPIA section 23) answered as one JSON download of everything stored
 * about the address, matched as erasure matches it; recorded in the audit trail without the address. A form
 * post, like /desk/export, so that a cross-site page cannot trigger it; the owner check is every action's.
 */
export async function POST(request: Request): Promise<Response> {
  const owner = await currentOwner();
  if (!owner) return new Response("Sign in to the desk first.", { status: 401, headers: NO_STORE });
  const form = await request.formData().catch(() => new FormData());
  const email = z.email().safeParse(String(form.get("email") ?? "").trim());
  if (!email.success) return new Response("Enter the person's email address.", { status: 400, headers: NO_STORE });
  const { settings, db } = serverContext();
  const now = new Date();
  const { json } = await accessExport(email.data, {
    db,
    secret: settings.FORM_SECRET,
    actor: owner.email,
    now: () => now,
  });
  return new Response(json, {
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="${accessFileName(now)}"`,
      ...NO_STORE,
    },
  });
}
