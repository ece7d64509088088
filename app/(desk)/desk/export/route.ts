import { serverContext } from "@/lib/server/context";
import { exportLeads } from "@/lib/leads/export";
import { parseInboxFilter } from "@/lib/leads/inbox-filter";
import { currentOwner } from "../guard";

/**
 * POST /desk/export: the inbox's current filter as a CSV download. A form post, not a link, so that a
 * cross-site page cannot trigger it (the session cookie is SameSite=Lax, and proxy.ts refuses
 * cross-site posts); the owner check is the same as every desk action's.
 */
export async function POST(request: Request): Promise<Response> {
  const owner = await currentOwner();
  if (!owner)
    return new Response("Sign in to the desk first.", { status: 401, headers: { "cache-control": "no-store" } });
  const form = await request.formData().catch(() => new FormData());
  const { status, query } = parseInboxFilter({ status: form.get("status"), q: form.get("q") });
  const { csv } = await exportLeads(serverContext().db, { status, query }, owner.email);
  const day = new Date().toISOString().slice(0, 10);
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="leads-${status ?? "all"}-${day}.csv"`,
      "cache-control": "no-store",
    },
  });
}
