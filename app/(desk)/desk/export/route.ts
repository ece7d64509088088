import { serverContext } from "@/lib/server/context";
import { exportLeads } from "@/lib/leads/export";
import { parseInboxFilter } from "@/lib/leads/inbox-filter";
import { currentOwner } from "../guard";

/** The pieces as a byte stream: each page of leads is read when the client has taken the one before. */
function bytesOf(pieces: AsyncGenerator<string, void, undefined>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    async pull(controller) {
      const next = await pieces.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await pieces.return();
    },
  });
}

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
  const csv = exportLeads(serverContext().db, { status, query }, owner.email);
  const day = new Date().toISOString().slice(0, 10);
  return new Response(bytesOf(csv), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="leads-${status ?? "all"}-${day}.csv"`,
      "cache-control": "no-store",
    },
  });
}
