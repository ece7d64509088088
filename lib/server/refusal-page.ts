import { QUOTE_PATH } from "@/lib/routes";
import { escapeHtml } from "@/lib/text/escape-html";

/**
 * The plain, polite page for a form post that is refused before it reaches the form (too large,
 * from another site, too many at once): a heading with the reason and a link back to the form.
 * No script, no stylesheet.
 */
export function refusalPage(message: string, backToForm: string): string {
  return [
    '<!doctype html><html lang="en"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">',
    `<title>${escapeHtml(message.split(".")[0]!)}</title></head>`,
    '<body style="font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;',
    'line-height:1.5;color:#0f172a">',
    `<main><h1 style="font-size:1.5rem">${escapeHtml(message)}</h1>`,
    `<p><a href="${QUOTE_PATH}" style="color:#115e59">${escapeHtml(backToForm)}</a></p></main></body></html>`,
  ].join("");
}
