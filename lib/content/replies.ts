/**
 * The reply templates the owner edits as content (content/replies/*.md): a title, and a plain-text body that may
 * use the placeholders of REPLY_PLACEHOLDERS. A file with an unknown placeholder or an empty body fails like any
 * other content file: the production build stops naming the file (next.config.ts loads the templates), `next dev`
 * sets the file aside and reports it.
 */
import path from "node:path";
import { byOrder, CONTENT_ROOT, defineCollection, type Entry } from "./collection";
import { listPlaceholders, REPLY_PLACEHOLDERS, unknownPlaceholders } from "./placeholders";
import { replyTemplateSchema, type ReplyTemplate } from "./schemas";

/** What is wrong with a template's body, or null. */
export function replyTemplateProblem(entry: Entry<ReplyTemplate>): string | null {
  if (entry.body.trim() === "") return "the body is empty: write the reply below the frontmatter";
  const unknown = unknownPlaceholders(entry.body, REPLY_PLACEHOLDERS);
  if (unknown.length === 0) return null;
  const names = unknown.map((name) => `{${name}}`).join(", ");
  return `unknown placeholder ${names}; a template may use ${listPlaceholders(REPLY_PLACEHOLDERS)}`;
}

/** The templates of one folder, in `order`, then by title (tests read their own folders). */
export function replyTemplatesIn(dir: string) {
  return defineCollection({ dir, schema: replyTemplateSchema, compare: byOrder, check: replyTemplateProblem });
}

export const replyTemplates = replyTemplatesIn(path.join(CONTENT_ROOT, "replies"));
