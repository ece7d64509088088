import fs from "node:fs";
import path from "node:path";
import { escapeHtml } from "../text/escape-html";

/** Where `/images/x.png` lives on disk. */
export const PUBLIC_ROOT = path.join(process.cwd(), "public");

type Found = { field: string; src: string };

/**
 * The file in public/ (or `root`) that a site path such as `/images/a%20b.png?v=2` names. turbopackIgnore: a lookup
 * by content path; without it the build traces the whole project.
 */
const publicFileOf = (src: string, root: string) =>
  path.join(/*turbopackIgnore: true*/ root, decodeURI(src.split("?")[0]!));

const isImage = (value: unknown): value is { src: string; width: unknown; height: unknown } =>
  typeof value === "object" &&
  value !== null &&
  typeof (value as { src?: unknown }).src === "string" &&
  "width" in value &&
  "height" in value;

/** Every image (an object with src, width and height) in validated frontmatter, with its field path. */
export function imagesIn(data: unknown, prefix = ""): Found[] {
  if (isImage(data)) return [{ field: `${prefix}.src`.replace(/^\./, ""), src: data.src }];
  if (Array.isArray(data)) return data.flatMap((item, index) => imagesIn(item, `${prefix}.${index}`));
  if (typeof data === "object" && data !== null) {
    return Object.entries(data).flatMap(([key, value]) => imagesIn(value, `${prefix}.${key}`));
  }
  return [];
}

/** `<Figure src="/images/x.png" …>` in an MDX body. */
export function figuresIn(body: string): Found[] {
  return [...body.matchAll(/<Figure\b[^>]*?\bsrc\s*=\s*["']([^"']+)["']/g)].map((match) => ({
    field: "<Figure src> in the body",
    src: match[1]!,
  }));
}

/** The images among `found` whose file is not in public/ (site paths only; https images are not checked). */
export function missingImages(found: Found[], root = PUBLIC_ROOT): Found[] {
  return found.filter(
    ({ src }) => src.startsWith("/") && !fs.existsSync(/*turbopackIgnore: true*/ publicFileOf(src, root)),
  );
}

/** `  - field "heroImage.src": no file public/images/x.png` lines. */
export function describeMissing(missing: Found[]): string {
  return missing
    .map(({ field, src }) => `  - field "${field}": no file public${src} (add the file or fix the path)`)
    .join("\n");
}

/** What an SVG put into a page as markup must not hold: it would run, or reach outside the file. */
const UNSAFE_SVG = [
  { pattern: /<script\b/i, what: "a <script>" },
  { pattern: /<foreignObject\b/i, what: "a <foreignObject>" },
  { pattern: /\son[a-z]+\s*=/i, what: "an event handler attribute" },
  { pattern: /\b(?:xlink:)?href\s*=\s*["'](?!#)/i, what: "a link to another file" },
  { pattern: /url\(\s*["']?(?!#)/i, what: "a url() to another file" },
  { pattern: /<!(?:DOCTYPE|ENTITY)/i, what: "a DOCTYPE or entity" },
];

/**
 * An SVG file of public/ as markup to put in a page: no request for it, and it scales and prints sharp. Its root
 * gets `role="img"`, the alt text as its accessible name, the image's width and height (the file's own give way)
 * and `className`. Throws naming the file when it holds anything that would run or fetch (see UNSAFE_SVG), or is
 * not one `<svg>` element.
 */
export function inlineSvg(
  { src, alt, width, height }: { src: string; alt: string; width: number; height: number },
  className: string,
  root = PUBLIC_ROOT,
): string {
  const markup = fs.readFileSync(/*turbopackIgnore: true*/ publicFileOf(src, root), "utf8").trim();
  const unsafe = UNSAFE_SVG.find(({ pattern }) => pattern.test(markup));
  if (unsafe) throw new Error(`public${src}: an SVG put into pages must not hold ${unsafe.what}`);
  if (!/^<svg\b[^>]*>[\s\S]*<\/svg>$/.test(markup) || markup.match(/<svg\b/g)?.length !== 1) {
    throw new Error(`public${src}: not a single <svg> element`);
  }
  const attributes =
    `role="img" aria-label="${escapeHtml(alt)}" width="${width}" height="${height}" ` +
    `class="${escapeHtml(className)}"`;
  return markup.replace(/^<svg\b[^>]*>/, (tag) =>
    tag.replace(/\s(?:width|height|class|role|aria-label)="[^"]*"/g, "").replace(/^<svg\b/, `<svg ${attributes}`),
  );
}
