import { QUOTE_PATH } from "@/lib/routes";
import { escapeHtml } from "@/lib/text/escape-html";

/**
 * A plain, polite page for what is answered outside the site's own pages: a heading, a few paragraphs and
 * perhaps a link. No script, no stylesheet, no image: it must work when nothing else does.
 */
export function plainPage(page: {
  title: string;
  heading: string;
  paragraphs?: string[];
  link?: { href: string; text: string };
}): string {
  return [
    '<!doctype html><html lang="en"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">',
    `<title>${escapeHtml(page.title)}</title></head>`,
    '<body style="font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;',
    'line-height:1.5;color:#0f172a;background:#fff">',
    `<main><h1 style="font-size:1.5rem">${escapeHtml(page.heading)}</h1>`,
    ...(page.paragraphs ?? []).map((text) => `<p>${escapeHtml(text)}</p>`),
    page.link ? `<p><a href="${page.link.href}" style="color:#115e59">${escapeHtml(page.link.text)}</a></p>` : "",
    "</main></body></html>",
  ].join("");
}

/**
 * The page for a form post that is refused before it reaches the form (too large, from another site, too many
 * at once): a heading with the reason and a link back to the form.
 */
export function refusalPage(message: string, backToForm: string): string {
  return plainPage({
    title: message.split(".")[0]!,
    heading: message,
    link: { href: QUOTE_PATH, text: backToForm },
  });
}
