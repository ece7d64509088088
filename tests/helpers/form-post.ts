import type { APIRequestContext } from "@playwright/test";
import { FORM_TOKEN_COOKIE } from "../../lib/quotes/form-cookie";
import { formHiddenFields } from "./form-html";

/**
 * The hidden fields of the quote form as the server rendered it (the action id and its key) and the form
 * token of the request context's cookie jar (set by this load, or kept from an earlier one).
 */
export async function renderedForm(request: APIRequestContext, ip: string): Promise<Record<string, string>> {
  const html = await (await request.get("/quote", { headers: { "X-Forwarded-For": ip } })).text();
  const jar = (await request.storageState()).cookies;
  return formHiddenFields(
    html,
    jar.filter((cookie) => cookie.name === FORM_TOKEN_COOKIE).map((cookie) => `${cookie.name}=${cookie.value}`),
  );
}

/** Posts the form the way a browser without JavaScript does: multipart to the page, with the action's hidden fields. */
export async function postForm(
  request: APIRequestContext,
  opts: {
    ip: string;
    origin: string;
    hidden: Record<string, string>;
    fields: [string, string | { name: string; mimeType: string; buffer: Buffer }][];
  },
) {
  const form = new FormData();
  for (const [name, value] of Object.entries(opts.hidden)) form.append(name, value);
  for (const [name, value] of opts.fields) {
    if (typeof value === "string") form.append(name, value);
    else form.append(name, new Blob([new Uint8Array(value.buffer)], { type: value.mimeType }), value.name);
  }
  return request.post("/quote", {
    multipart: form,
    headers: { "X-Forwarded-For": opts.ip, Origin: opts.origin },
    maxRedirects: 0,
  });
}
