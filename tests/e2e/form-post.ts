import type { APIRequestContext } from "@playwright/test";

/** The hidden fields of the quote form as the server rendered it: the action id, its key and a form token. */
export async function renderedForm(request: APIRequestContext, ip: string): Promise<Record<string, string>> {
  const html = await (await request.get("/quote", { headers: { "X-Forwarded-For": ip } })).text();
  const form = html.slice(html.indexOf('data-testid="quote-form"'));
  const fields: Record<string, string> = {};
  for (const match of form.matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?\/>/g)) {
    fields[decode(match[1]!)] = decode(match[2] ?? "");
  }
  if (!fields.formToken || !Object.keys(fields).some((name) => name.startsWith("$ACTION_"))) throw new Error("quote form not found in /quote");
  return fields;
}

function decode(value: string): string {
  return value.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

/** Posts the form the way a browser without JavaScript does: multipart to the page, with the action's hidden fields. */
export async function postForm(
  request: APIRequestContext,
  opts: { ip: string; origin: string; hidden: Record<string, string>; fields: [string, string | { name: string; mimeType: string; buffer: Buffer }][] },
) {
  const form = new FormData();
  for (const [name, value] of Object.entries(opts.hidden)) form.append(name, value);
  for (const [name, value] of opts.fields) {
    if (typeof value === "string") form.append(name, value);
    else form.append(name, new Blob([new Uint8Array(value.buffer)], { type: value.mimeType }), value.name);
  }
  return request.post("/quote", { multipart: form, headers: { "X-Forwarded-For": opts.ip, Origin: opts.origin }, maxRedirects: 0 });
}
