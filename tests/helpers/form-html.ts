import { FORM_TOKEN_COOKIE } from "../../lib/quotes/form-cookie";

/**
 * The hidden fields of the quote form in a /quote page (the server action's id and key), HTML-decoded, as a
 * browser without JavaScript would post them, plus the form token: from the page when a reply carries one,
 * otherwise from the cookie the page was served with (`setCookies`: the response's Set-Cookie headers).
 */
export function formHiddenFields(html: string, setCookies: string[] = []): Record<string, string> {
  const form = html.slice(html.indexOf('data-testid="quote-form"'));
  const fields: Record<string, string> = {};
  for (const match of form.matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?\/>/g)) {
    fields[decode(match[1]!)] = decode(match[2] ?? "");
  }
  const token = fields.formToken ?? cookiesOf(setCookies)[FORM_TOKEN_COOKIE];
  if (!token || !Object.keys(fields).some((name) => name.startsWith("$ACTION_")))
    throw new Error("quote form or its token not found in /quote");
  return { ...fields, formToken: token };
}

/** formHiddenFields of a fetch() response for /quote: its HTML and its Set-Cookie headers. */
export async function formFromResponse(response: Response): Promise<Record<string, string>> {
  return formHiddenFields(await response.text(), response.headers.getSetCookie());
}

/** The name=value pairs of Set-Cookie headers. */
export function cookiesOf(setCookies: string[]): Record<string, string> {
  const pairs = setCookies.map((header) => header.split(";")[0]!.split("="));
  return Object.fromEntries(pairs.map(([name, ...value]) => [name!.trim(), value.join("=")]));
}

/** A Cookie request header sending back what Set-Cookie headers set (expired ones left out). */
export function cookieHeader(setCookies: string[]): string {
  return Object.entries(cookiesOf(setCookies.filter((header) => !/max-age=0\b/i.test(header))))
    .map(([name, value]) => `${name}=${value}`)
    .join("; ");
}

function decode(value: string): string {
  return value
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}
