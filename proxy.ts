import { NextResponse, type NextRequest } from "next/server";
import { quoteForm } from "@/content/quote-form";
import { MAX_BODY_BYTES } from "@/lib/quotes/fields";
import { ownHosts } from "@/lib/site-url";
import { escapeHtml } from "@/lib/text/escape-html";

/**
 * Turns two refusals of form posts into plain, polite pages with the right status: a body
 * over the server action limit (413) and a post from another site (403). Next.js refuses
 * both on its own too, but answers with a bare 500.
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
  const title = escapeHtml(message.split(".")[0]!);
  const html = [
    '<!doctype html><html lang="en"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">',
    `<title>${title}</title></head>`,
    '<body style="font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;',
    'line-height:1.5;color:#0f172a">',
    `<main><h1 style="font-size:1.5rem">${escapeHtml(message)}</h1>`,
    `<p><a href="/quote" style="color:#115e59">${escapeHtml(quoteForm.backToForm)}</a></p></main></body></html>`,
  ].join("");
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
