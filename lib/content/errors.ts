import type { z } from "zod";

/** A content file (or content/site.ts) that does not match its schema; the message names file and field. */
export class ContentError extends Error {
  override name = "ContentError";
}

/** Edit distance between two short strings (for "did you mean" hints on mistyped keys). */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}

/** The known key closest to `key`, when it is close enough to be a typo (at most a third of it differs). */
export function closestKey(key: string, known: string[]): string | undefined {
  let best: { key: string; distance: number } | undefined;
  for (const candidate of known) {
    const distance = editDistance(key.toLowerCase(), candidate.toLowerCase());
    if (!best || distance < best.distance) best = { key: candidate, distance };
  }
  return best && best.distance <= Math.max(1, Math.floor(key.length / 3)) ? best.key : undefined;
}

type Def = { type: string; innerType?: z.ZodType; shape?: Record<string, z.ZodType>; element?: z.ZodType };
const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** The keys an object schema accepts at `path` (through optional, default and array wrappers). */
export function keysAt(schema: z.ZodType, path: PropertyKey[]): string[] {
  let node: z.ZodType | undefined = schema;
  const steps = [...path];
  while (node) {
    const def = defOf(node);
    if (def.innerType) {
      node = def.innerType;
      continue;
    }
    if (steps.length === 0) return def.type === "object" && def.shape ? Object.keys(def.shape) : [];
    const step = steps.shift();
    if (def.type === "object" && def.shape) node = def.shape[String(step)];
    else if (def.type === "array") node = def.element;
    else return [];
  }
  return [];
}

function describeIssue(issue: z.core.$ZodIssue, schema?: z.ZodType): string {
  if (issue.code === "unrecognized_keys" && schema) {
    const known = keysAt(schema, issue.path);
    return issue.keys
      .map((key) => {
        const hint = closestKey(key, known);
        return `Unrecognized key: "${key}"${hint ? ` (did you mean "${hint}"?)` : ""}`;
      })
      .join("; ");
  }
  return issue.message;
}

/** Formats zod issues as `content/x.mdx: field "a.b": message` lines, one per field. */
export function describeIssues(file: string, error: z.ZodError, schema?: z.ZodType): string {
  const lines = error.issues.map((issue) => {
    const field = issue.path.length > 0 ? issue.path.join(".") : "(frontmatter)";
    return `  - field "${field}": ${describeIssue(issue, schema)}`;
  });
  return `Invalid frontmatter in ${file}:\n${lines.join("\n")}`;
}
