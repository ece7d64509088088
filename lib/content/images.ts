import fs from "node:fs";
import path from "node:path";

/** Where `/images/x.png` lives on disk. */
export const PUBLIC_ROOT = path.join(process.cwd(), "public");

type Found = { field: string; src: string };

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
  // turbopackIgnore: a check of public/ by content path; without it the build traces the whole project.
  return found.filter(
    ({ src }) =>
      src.startsWith("/") &&
      !fs.existsSync(
        /*turbopackIgnore: true*/ path.join(/*turbopackIgnore: true*/ root, decodeURI(src.split("?")[0]!)),
      ),
  );
}

/** `  - field "heroImage.src": no file public/images/x.png` lines. */
export function describeMissing(missing: Found[]): string {
  return missing
    .map(({ field, src }) => `  - field "${field}": no file public${src} (add the file or fix the path)`)
    .join("\n");
}
