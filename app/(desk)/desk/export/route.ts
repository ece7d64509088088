import { serverContext } from "@/lib/server/context";
import { exportLeads } from "@/lib/leads/export";
import { parseInboxFilter } from "@/lib/leads/inbox-filter";
import { localDate } from "@/lib/text/local-time";
import { quoteChoices } from "@/lib/quotes/catalog";
import { ownerDownload } from "../download";

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

/** POST /desk/export: the inbox's current filter as a CSV download, streamed page by page. */
export function POST(request: Request): Promise<Response> {
  return ownerDownload(request, async (form, owner) => {
    const field = (name: string) => form.get(name) ?? undefined;
    const { status, query, interest, budget, age } = parseInboxFilter(
      {
        status: field("status"),
        q: field("q"),
        interest: field("interest"),
        budget: field("budget"),
        age: field("age"),
      },
      quoteChoices(),
    );
    const { db, settings } = serverContext();
    const csv = exportLeads(db, { status, query, interest, budget, age }, owner.email, settings.BUSINESS_TIME_ZONE);
    const day = localDate(new Date(), settings.BUSINESS_TIME_ZONE);
    return {
      body: bytesOf(csv),
      contentType: "text/csv; charset=utf-8",
      fileName: `leads-${status ?? "all"}-${day}.csv`,
    };
  });
}
