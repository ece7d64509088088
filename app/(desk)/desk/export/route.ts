import { serverContext } from "@/lib/server/context";
import { csvBytes, exportLeads } from "@/lib/leads/export";
import { parseInboxFilter } from "@/lib/leads/inbox-filter";
import { localDate } from "@/lib/text/local-time";
import { quoteChoices } from "@/lib/quotes/catalog";
import { ownerDownload } from "../download";

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
    const { db, exportReader, settings } = serverContext();
    const csv = exportLeads(
      { db, reader: exportReader },
      { status, query, interest, budget, age },
      owner.email,
      settings.BUSINESS_TIME_ZONE,
    );
    const day = localDate(new Date(), settings.BUSINESS_TIME_ZONE);
    return {
      body: csvBytes(csv),
      contentType: "text/csv; charset=utf-8",
      fileName: `leads-${status ?? "all"}-${day}.csv`,
    };
  });
}
