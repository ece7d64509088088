import type { APIRequestContext } from "@playwright/test";
import { formHiddenFields } from "../helpers/form-html";

/** The hidden fields of the quote form as the server rendered it: the action id, its key and a form token. */
export async function renderedForm(request: APIRequestContext, ip: string): Promise<Record<string, string>> {
  return formHiddenFields(await (await request.get("/quote", { headers: { "X-Forwarded-For": ip } })).text());
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
