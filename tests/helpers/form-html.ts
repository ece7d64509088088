/**
 * The hidden fields of the quote form in a server-rendered /quote page: the server action's id and key
 * and the form token, HTML-decoded, as a browser without JavaScript would post them.
 */
export function formHiddenFields(html: string): Record<string, string> {
  const form = html.slice(html.indexOf('data-testid="quote-form"'));
  const fields: Record<string, string> = {};
  for (const match of form.matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?\/>/g)) {
    fields[decode(match[1]!)] = decode(match[2] ?? "");
  }
  if (!fields.formToken || !Object.keys(fields).some((name) => name.startsWith("$ACTION_")))
    throw new Error("quote form not found in /quote");
  return fields;
}

function decode(value: string): string {
  return value
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}
