import fs from "node:fs";
import path from "node:path";
import matter from "gray-matter";
import { z } from "zod";

/** One validated MDX file: frontmatter data, MDX body and where it came from. */
export type Entry<T> = { slug: string; file: string; data: T; body: string };

export class ContentError extends Error {
  override name = "ContentError";
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const CONTENT_ROOT = path.join(process.cwd(), "content");

/** Formats zod issues as `content/x.mdx: field "a.b": message` lines, one per field. */
export function describeIssues(file: string, error: z.ZodError): string {
  const lines = error.issues.map((issue) => {
    const field = issue.path.length > 0 ? issue.path.join(".") : "(frontmatter)";
    return `  - field "${field}": ${issue.message}`;
  });
  return `Invalid frontmatter in ${file}:\n${lines.join("\n")}`;
}

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
  try {
    // An empty options object disables gray-matter's cache, which would share results across files.
    parsed = matter(fs.readFileSync(file, "utf8"), {});
  } catch (error) {
    throw new ContentError(`Unreadable frontmatter in ${where}: ${(error as Error).message}`);
  }
  const result = schema.safeParse(parsed.data);
  if (!result.success) throw new ContentError(describeIssues(where, result.error));
  // The page template renders the title as the page's only h1; bodies start at ##.
  const h1 = /^#\s/m.exec(parsed.content.replace(/^(```|~~~)[\s\S]*?^\1/gm, ""));
  if (h1) throw new ContentError(`Invalid body in ${where}: use ## for headings; the page title is already the h1`);
  return { slug: name, file: where, data: result.data, body: parsed.content };
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

type Draftable = { draft?: boolean };

export type CollectionOptions<T> = {
  dir: string;
  schema: z.ZodType<T>;
  compare: (a: Entry<T>, b: Entry<T>) => number;
};

export type Collection<T> = {
  /** Published entries in display order; drafts too when `includeDrafts`. */
  all(options?: { includeDrafts?: boolean }): Entry<T>[];
  /** One entry by slug, or undefined when it does not exist or is a hidden draft. */
  get(slug: string, options?: { includeDrafts?: boolean }): Entry<T> | undefined;
};

/**
 * A typed collection over one folder. Files are read once per process in production;
 * in development they are read on every call so the owner's edits show on refresh.
 */
export function defineCollection<T extends Draftable>(options: CollectionOptions<T>): Collection<T> {
  let cache: Entry<T>[] | undefined;
  const load = (): Entry<T>[] => {
    if (cache) return cache;
    const entries = listFiles(options.dir).map((file) => readEntry(file, options.schema));
    entries.sort(options.compare);
    if (process.env.NODE_ENV === "production") cache = entries;
    return entries;
  };
  const visible = (includeDrafts = showDrafts()) => load().filter((entry) => includeDrafts || !entry.data.draft);
  return {
    all: (opts) => visible(opts?.includeDrafts),
    get: (slug, opts) => visible(opts?.includeDrafts).find((entry) => entry.slug === slug),
  };
}

/** Orders by an `order` field, then by title. */
export function byOrder<T extends { order: number; title: string }>(a: Entry<T>, b: Entry<T>): number {
  return a.data.order - b.data.order || a.data.title.localeCompare(b.data.title);
}
