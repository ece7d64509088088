// HTTP from a chosen loopback source address (127.x.y.z are all loopback on Linux), so a proxy in front of the
// app sees distinct visitors for real: its $remote_addr is each client's own address.
import http from "node:http";
import { quoteForm } from "@/content/quote-form";
import { cookieHeader, formHiddenFields } from "./form-html";
import { pace } from "./pace";

export type RawResponse = { status: number; headers: http.IncomingHttpHeaders; rawHeaders: string[]; body: string };

export function requestFrom(
  url: string,
  opts: { localAddress?: string; method?: string; headers?: Record<string, string>; body?: Buffer } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      {
        method: opts.method ?? "GET",
        localAddress: opts.localAddress,
        agent: false,
        headers: { ...opts.headers, ...(opts.body ? { "content-length": String(opts.body.length) } : {}) },
        timeout: 60_000,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            rawHeaders: response.rawHeaders,
            body: Buffer.concat(chunks).toString("utf8"),
          }),
        );
        response.on("error", reject);
      },
    );
    request.on("timeout", () => request.destroy(new Error("timeout")));
    request.on("error", reject);
    request.end(opts.body);
  });
}

/** A multipart body exactly as fetch would send the form (boundary in the content type). */
export async function multipart(fields: Record<string, string>): Promise<{ body: Buffer; type: string }> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  const request = new Request("http://localhost/", { method: "POST", body: form });
  return { body: Buffer.from(await request.arrayBuffer()), type: request.headers.get("content-type") ?? "" };
}

function statusRegion(html: string): string {
  const start = html.indexOf('data-testid="form-status"');
  return start < 0 ? "" : html.slice(start, html.indexOf("</div></div>", start));
}

export type Submission = {
  status: number;
  reference?: string;
  rateLimited: boolean;
  /** The text of the form's status region (an error message), if any. */
  message: string;
  html: string;
  /** Time of the successful post, ms. */
  ms: number;
  /** Posts that failed at the transport or with a 5xx before this one (the visitor pressed send again). */
  retries: number;
  /** Each 5xx answer met on the way (page loads and posts), as the visitor saw it. */
  failures: RawResponse[];
};

/**
 * A person who meets an error tries again a second later, for up to 15 s: longer than nginx keeps an instance it
 * saw fail out of turn (fail_timeout=10s in the operations doc's upstream lines), so a moment when nginx has no
 * instance to offer (our error page) does not end the visit.
 */
const RETRY_MS = 1_000;
const MAX_TRIES = 15;

/** A loaded form: its hidden fields and the cookies the page set, as a browser would send them back. */
export type LoadedForm = { hidden: Record<string, string>; cookie: string; retries: number; failures: RawResponse[] };

/**
 * A visitor from `localAddress` loads the form (again after a moment when the load fails, as a person would).
 */
export async function loadFormFrom(
  baseUrl: string,
  localAddress: string,
  extraHeaders: Record<string, string> = {},
): Promise<LoadedForm> {
  let retries = 0;
  const failures: RawResponse[] = [];
  for (;;) {
    const page = await requestFrom(`${baseUrl}/quote`, { localAddress, headers: extraHeaders }).catch(() => undefined);
    if (page?.status === 200) {
      // The token goes back as a browser sends it, in the cookie (through nginx, to either instance).
      const setCookies = page.headers["set-cookie"] ?? [];
      const { formToken: _fromCookie, ...hidden } = formHiddenFields(page.body, setCookies);
      return { hidden, cookie: cookieHeader(setCookies), retries, failures };
    }
    if (page && page.status >= 500) failures.push(page);
    retries += 1;
    if (retries > MAX_TRIES) throw new Error(`GET /quote kept failing: ${page?.status ?? "connection error"}`);
    await pace(RETRY_MS, "a person loads the page again after a moment");
  }
}

/**
 * The visitor posts a loaded form as a browser without JS would. A 5xx or a broken connection is answered as a
 * person would: send the same form again (same token and values, so the pipeline recognises a repeat and
 * answers with the first reference).
 */
export async function postFormFrom(
  baseUrl: string,
  localAddress: string,
  form: LoadedForm,
  values: Record<string, string>,
  extraHeaders: Record<string, string> = {},
): Promise<Submission> {
  let retries = form.retries;
  const failures = [...form.failures];
  const { body, type } = await multipart({ ...form.hidden, ...values });
  for (;;) {
    const started = performance.now();
    const response = await requestFrom(`${baseUrl}/quote`, {
      localAddress,
      method: "POST",
      body,
      headers: { ...extraHeaders, "content-type": type, origin: baseUrl, accept: "text/html", cookie: form.cookie },
    }).catch(() => undefined);
    const ms = performance.now() - started;
    if (response && response.status < 500) {
      return {
        status: response.status,
        reference: /data-testid="quote-reference">([^<]+)</.exec(response.body)?.[1],
        // The status region as rendered (the page's script payload carries every message's text).
        rateLimited: statusRegion(response.body).includes(quoteForm.rateLimited.slice(0, 50)),
        message: statusMessage(response.body),
        html: response.body,
        ms,
        retries,
        failures,
      };
    }
    if (response) failures.push(response);
    retries += 1;
    if (retries > MAX_TRIES) throw new Error(`POST /quote kept failing: ${response?.status ?? "connection error"}`);
    await pace(RETRY_MS, "a person sends the form again after a moment");
  }
}

/** The text of the form's status region in a page. */
function statusMessage(html: string): string {
  return statusRegion(html)
    .replace(/<[^>]+>/g, " ")
    .replace(/^[^>]*>/, "")
    .replace(/\s+/g, " ")
    .trim();
}

/** One visitor from `localAddress`: load the form, then post it as a browser without JS would. */
export async function submitFrom(
  baseUrl: string,
  localAddress: string,
  values: Record<string, string>,
  extraHeaders: Record<string, string> = {},
): Promise<Submission> {
  return postFormFrom(
    baseUrl,
    localAddress,
    await loadFormFrom(baseUrl, localAddress, extraHeaders),
    values,
    extraHeaders,
  );
}
