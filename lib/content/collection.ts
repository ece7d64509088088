import fs from "node:fs";
import path from "node:path";
import matter from "gray-matter";
import type { z } from "zod";
import { ContentError, describeIssues } from "./errors";
import { describeMissing, figuresIn, imagesIn, missingImages } from "./images";

export { ContentError, describeIssues } from "./errors";

/**
 * One validated MDX file: frontmatter data, MDX body and where it came from; `bodyLine` is the line of the
 * file the body starts on, so an error in the body is reported at the file's line, not the body's.
 */
export type Entry<T> = { slug: string; file: string; data: T; body: string; bodyLine: number };

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const CONTENT_ROOT = path.join(process.cwd(), "content");

function relative(file: string): string {
  return path.relative(process.cwd(), file) || file;
}

/** Reads and validates one MDX file; throws a ContentError naming the file and every bad field. */
export function readEntry<S extends z.ZodType>(file: string, schema: S): Entry<z.output<S>> {
  const name = path.basename(file, path.extname(file));
  const where = relative(file);
  if (!SLUG.test(name)) {
    throw new ContentError(`Invalid file name ${where}: use lower-case letters, digits and single hyphens`);
  }
  let parsed: matter.GrayMatterFile<string>;
  const text = fs.readFileSync(file, "utf8");
  try {
    // An empty options object disables gray-matter's cache, which would share results across files.
    parsed = matter(text, {});
  } catch (error) {
    throw new ContentError(`Unreadable frontmatter in ${where}: ${(error as Error).message}`);
  }
  const result = schema.safeParse(parsed.data);
  if (!result.success) throw new ContentError(describeIssues(where, result.error, schema));
  const missing = missingImages([...imagesIn(result.data), ...figuresIn(parsed.content)]);
  if (missing.length > 0) throw new ContentError(`Missing image file in ${where}:\n${describeMissing(missing)}`);
  // The page template renders the title as the page's only h1; bodies start at ##.
  const h1 = /^#\s/m.exec(parsed.content.replace(/^(```|~~~)[\s\S]*?^\1/gm, ""));
  if (h1) throw new ContentError(`Invalid body in ${where}: use ## for headings; the page title is already the h1`);
  const bodyStart = text.endsWith(parsed.content) ? text.length - parsed.content.length : 0;
  const bodyLine = text.slice(0, bodyStart).split("\n").length;
  return { slug: name, file: where, data: result.data, body: parsed.content, bodyLine };
}

/** Lists `dir/*.mdx`, sorted by name so the order never depends on the file system. */
export function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith(".mdx") || name.endsWith(".md"))
    .sort()
    .map((name) => path.join(dir, name));
}

/** Drafts are shown in development only, never in a production build or start. */
export function showDrafts(): boolean {
  return process.env.NODE_ENV === "development";
}

/** `draft` hides an entry outside development; so does `example` (illustrative entries, e.g. case studies). */
type Draftable = { draft?: boolean; example?: boolean };

/** Whether a visitor of a production build may see the entry. */
export function isPublished(data: Draftable): boolean {
  return !data.draft && !data.example;
}

/** A file that failed validation in development: its slug, file and the message naming the field. */
export type Problem = { slug: string; file: string; message: string };

export type CollectionOptions<T> = {
  dir: string;
  schema: z.ZodType<T>;
  compare: (a: Entry<T>, b: Entry<T>) => number;
  /** A check of a whole valid entry (e.g. its body) beyond the schema: a message naming what is wrong, or null. */
  check?: (entry: Entry<T>) => string | null;
};

export type Collection<T> = {
  /** Published entries in display order; drafts too when `includeDrafts`. */
  all(options?: { includeDrafts?: boolean }): Entry<T>[];
  /**
   * One entry by slug, or undefined when it does not exist or is a hidden draft. In development a
   * file that fails validation throws its ContentError here, so only the page that shows it fails.
   */
  get(slug: string, options?: { includeDrafts?: boolean }): Entry<T> | undefined;
  /**
   * `generateStaticParams` for the collection's pages (with `dynamicParams = false`): every entry `all()` lists, so
   * a build prerenders each and `next start` answers any other slug with 404. In development none: `next dev`
   * answers a request with the slugs it listed on an earlier request (it lists them again in the background), so
   * an entry added since would answer 404 once. With no list, every page renders on request, a new entry's page
   * on its first request, and the page's `get()` answers an unknown slug with 404 and a broken file with its error.
   */
  params(): { slug: string }[];
  /** Files that failed validation (development only: elsewhere the first one throws). */
  problems(): Problem[];
};

type Loaded<T> = { entries: Entry<T>[]; problems: Problem[] };

/**
 * A typed collection over one folder. Files are read once per process in production;
 * in development they are read on every call so the owner's edits show on refresh.
 *
 * A file that fails validation stops a production build (and `next start`) with its file, field
 * and message. In development it is set aside instead: lists leave it out and keep working, and
 * its own page throws the message, which the error page shows to the owner.
 */
export function defineCollection<T extends Draftable>(options: CollectionOptions<T>): Collection<T> {
  let cache: Loaded<T> | undefined;
  const lenient = () => process.env.NODE_ENV === "development";
  const load = (): Loaded<T> => {
    if (cache) return cache;
    const loaded: Loaded<T> = { entries: [], problems: [] };
    for (const file of listFiles(options.dir)) {
      try {
        const entry = readEntry(file, options.schema);
        const problem = options.check?.(entry);
        if (problem) throw new ContentError(`Invalid content in ${entry.file}: ${problem}`);
        loaded.entries.push(entry);
      } catch (error) {
        if (!lenient() || !(error instanceof ContentError)) throw error;
        const slug = path.basename(file, path.extname(file));
        loaded.problems.push({ slug, file: relative(file), message: error.message });
      }
    }
    loaded.entries.sort(options.compare);
    if (process.env.NODE_ENV === "production") cache = loaded;
    return loaded;
  };
  const visible = (includeDrafts = showDrafts()) =>
    load().entries.filter((entry) => includeDrafts || isPublished(entry.data));
  return {
    all: (opts) => visible(opts?.includeDrafts),
    get: (slug, opts) => {
      const problem = load().problems.find((item) => item.slug === slug);
      if (problem) throw new ContentError(problem.message);
      return visible(opts?.includeDrafts).find((entry) => entry.slug === slug);
    },
    params: () => (lenient() ? [] : visible().map(({ slug }) => ({ slug }))),
    problems: () => load().problems,
  };
}

/** Orders by an `order` field, then by title. */
export function byOrder<T extends { order: number; title: string }>(a: Entry<T>, b: Entry<T>): number {
  return a.data.order - b.data.order || a.data.title.localeCompare(b.data.title);
}
