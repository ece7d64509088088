import { serverContext } from "@/lib/server/context";
import { exportLeadsCsv } from "@/lib/leads/export";
import { parseLeadStatus } from "@/lib/leads/status";
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
  const status = parseLeadStatus(String(form.get("status") ?? "")) ?? undefined;
  const query =
    String(form.get("q") ?? "")
      .trim()
      .slice(0, 100) || undefined;
  const { csv, rows } = await exportLeadsCsv(serverContext().db, { status, query });
  await serverContext().db.leadEvent.create({
    data: {
      actor: owner.email,
      action: "export",
      detail: `${rows} lead(s), status ${status ?? "all"}${query ? ", with a search" : ""}`,
    },
  });
  const day = new Date().toISOString().slice(0, 10);
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="leads-${status ?? "all"}-${day}.csv"`,
      "cache-control": "no-store",
    },
  });
}
