import { NextResponse, type NextRequest } from "next/server";
import { quoteForm } from "@/content/quote-form";
import { MAX_BODY_BYTES } from "@/lib/quotes/fields";
import { refusalPage } from "@/lib/refusal-page";
import { ownHosts } from "@/lib/site-url";

/**
 * Turns two refusals of form posts into plain, polite pages with the right status: a body
 * over the server action limit (413) and a post from another site (403). Next.js refuses
 * both on its own too, but answers with a bare 500. Under `next start` an oversized body never
 * gets here: lib/body-guard.ts answers it from the socket (this check covers `next dev`).
 */
export function proxy(request: NextRequest) {
  if (request.method !== "POST") return NextResponse.next();
  const length = Number(request.headers.get("content-length") ?? "0");
  if (length > MAX_BODY_BYTES) return refusal(413, quoteForm.tooLarge);
  const origin = request.headers.get("origin");
  if (origin && !sameSite(origin, request)) return refusal(403, quoteForm.crossSite);
  return NextResponse.next();
}

function sameSite(origin: string, request: NextRequest): boolean {
  return URL.canParse(origin) && ownHosts(request.headers).includes(new URL(origin).host);
}

function refusal(status: 403 | 413, message: string) {
  const html = refusalPage(message, quoteForm.backToForm);
  return new NextResponse(html, {
    status,
    headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" },
  });
}

export const config = {
  // Every page route (a server action can be posted to any of them); never static files.
  matcher: [
    "/((?!_next/static|_next/image|images/|media/|favicon|icon|opengraph-image|robots.txt|sitemap.xml|feed.xml).*)",
  ],
};
