import { NextResponse, type NextRequest } from "next/server";
import { quoteForm } from "@/content/quote-form";
import { env } from "@/lib/server/env";
import { MAX_BODY_BYTES } from "@/lib/quotes/fields";
import { FORM_TOKEN_COOKIE, formCookieSettings, formCookies } from "@/lib/quotes/form-cookie";
import {
  FORM_PATH,
  interestFromSegments,
  interestSegments,
  POSTED_PATH_HEADER,
  PRESELECTED_FORM_PATH,
} from "@/lib/quotes/form-context";
import { PRIVACY_TOKEN_COOKIE, privacyTokenCookie } from "@/lib/privacy/form-cookie";
import { PRIVACY_REQUEST_PATH } from "@/lib/routes";
import { refusalPage } from "@/lib/server/refusal-page";
import { inlineScriptsOf, pageScripts, type InlineScripts, type PageScripts } from "@/lib/server/page-scripts";
import { contentSecurityPolicy, newNonce, nonceSource } from "@/lib/server/content-security-policy.mjs";
import { ownHosts, siteUrl } from "@/lib/server/site-url";

/**
 * Loads of the quote form (a static page) get the form's cookies (lib/quotes/form-cookie.ts); the copies
 * of the form with an interest preselected are reachable only through /quote?interest=... .
 *
 * Scripts: every page whose scripts the build knows (lib/server/page-scripts.ts) gets a Content-Security-Policy
 * without 'unsafe-inline': none inline on a content page, the hashes of its own inline scripts on a static page
 * that keeps the runtime (/quote and its copies, /privacy/request), and a fresh nonce, which Next.js puts on its
 * scripts, on a page rendered per request (the desk) and on the page a form post renders.
 *
 * Posts: turns two refusals of form posts into plain, polite pages with the right status: a body
 * over the server action limit (413) and a post from another site (403). Next.js refuses
 * both on its own too, but answers with a bare 500. Under `next start` an oversized body never
 * gets here: lib/server/body-guard.ts answers it from the socket (this check covers `next dev`).
 */
export function proxy(request: NextRequest) {
  // A path whose percent-encoding does not decode (`/articles/%E0%A4%A`) names no page: the site's 404, not
  // the 500 a dynamic route would answer when Next.js fails to decode its parameter.
  if (!decodes(request.nextUrl.pathname)) {
    const scripts = pageScripts();
    const rewrite = new URL(UNDECODABLE_PATH, request.url);
    return pass(request, scripts && inlineScriptsOf(scripts, UNDECODABLE_PATH), { rewrite });
  }
  if (request.method === "GET" || request.method === "HEAD") return formLoad(request);
  if (request.method !== "POST") return NextResponse.next();
  const length = Number(request.headers.get("content-length") ?? "0");
  if (length > MAX_BODY_BYTES) return refusal(413, quoteForm.tooLarge);
  const origin = request.headers.get("origin");
  if (origin && !sameSite(origin, request)) return refusal(403, quoteForm.crossSite);
  const headers = new Headers(request.headers);
  headers.set(POSTED_PATH_HEADER, request.nextUrl.pathname);
  // The page a post without JavaScript gets back is rendered for this request, with scripts of its own.
  return pass(request, pageScripts() && { kind: "nonce" }, { headers });
}

/**
 * Passes the request on (or rewrites it) with the policy for the scripts its page may run (none given: the policy
 * next.config.ts gives every route, which allows inline scripts). A nonce goes in the request's own
 * Content-Security-Policy header too: Next.js reads it there and puts it on each script it renders.
 */
function pass(
  request: NextRequest,
  scripts: InlineScripts | undefined,
  { headers, rewrite }: { headers?: Headers; rewrite?: URL } = {},
): NextResponse {
  const next = (headers: Headers | undefined) => {
    const init = headers && { request: { headers } };
    return rewrite ? NextResponse.rewrite(rewrite, init) : NextResponse.next(init);
  };
  if (!scripts) return next(headers);
  const nonce = scripts.kind === "nonce" ? newNonce() : undefined;
  const inlineScripts = nonce ? [nonceSource(nonce)] : scripts.kind === "hashes" ? scripts.sources : false;
  // Only `next start` knows a page's scripts (pageScripts()), so the production policy.
  const policy = contentSecurityPolicy(true, { inlineScripts });
  if (nonce) {
    headers ??= new Headers(request.headers);
    headers.set("content-security-policy", policy);
  }
  const response = next(headers);
  response.headers.set("content-security-policy", policy);
  return response;
}

/**
 * The page whose document answers a GET: /quote?interest=... is answered by the preselected copy the rewrite in
 * next.config.ts serves, when there is one (the rewrite matches the query's last `interest`, as Next.js does).
 */
function documentPath(request: NextRequest, scripts: PageScripts): string {
  const { pathname, searchParams } = request.nextUrl;
  const interest = searchParams.getAll("interest").at(-1);
  if (pathname !== FORM_PATH || interest === undefined) return pathname;
  const copy = `${PRESELECTED_FORM_PATH}/${interestSegments(interest).join("/")}`;
  return scripts.inlineScripts.has(copy) ? copy : pathname;
}

/** No route answers here (folders starting with _ are private in the App Router), so Next.js renders its 404. */
const UNDECODABLE_PATH = "/_undecodable-path";

function decodes(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

function formLoad(request: NextRequest) {
  const { pathname, searchParams } = request.nextUrl;
  if (pathname.startsWith(`${PRESELECTED_FORM_PATH}/`)) {
    // The preselected copies are served only in place of /quote: one address per form, for people and search engines.
    const interest = interestFromSegments(
      pathname
        .slice(PRESELECTED_FORM_PATH.length + 1)
        .split("/")
        .map((segment) => decodeURIComponent(segment)),
    );
    const url = new URL(`${FORM_PATH}?${new URLSearchParams({ interest })}`, request.url);
    return NextResponse.redirect(url, 308);
  }
  const scripts = pageScripts();
  const response = pass(request, scripts && inlineScriptsOf(scripts, documentPath(request, scripts)));
  if (pathname === PRIVACY_REQUEST_PATH) return privacyFormLoad(request, response);
  if (pathname !== FORM_PATH) return response;

  // A quote link's interest is preselected by a rewrite after this (next.config.ts), at the same address.
  const writes = formCookies(
    {
      token: request.cookies.get(FORM_TOKEN_COOKIE)?.value,
      referer: request.headers.get("referer"),
      hosts: ownHosts(request.headers),
      params: searchParams,
    },
    formCookieSettings(env(), siteUrl()),
  );
  for (const write of writes) response.cookies.set(write.name, write.value, write.options);
  // The page is the same for everyone, the cookies are not: no shared cache may keep this response.
  response.headers.set("cache-control", "private, no-cache");
  return response;
}

/** The privacy request form (static too): its token cookie, as the quote form's. */
function privacyFormLoad(request: NextRequest, response: NextResponse) {
  const settings = formCookieSettings(env(), siteUrl());
  const write = privacyTokenCookie(request.cookies.get(PRIVACY_TOKEN_COOKIE)?.value, settings);
  if (write) response.cookies.set(write.name, write.value, write.options);
  response.headers.set("cache-control", "private, no-cache");
  return response;
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
