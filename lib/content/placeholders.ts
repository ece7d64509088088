/**
 * `{name}`-style placeholders in text the owner writes as content: the reply templates (content/replies) and the
 * response promise (content/quote-form.ts `success.promise`). Which a text uses, checks for the content schemas
 * (an unknown or missing placeholder fails validation, naming the file and field), and the text filled in. Plain
 * functions: the content loader checks the names at build time, the server fills them in.
 */
// Relative imports: next.config.ts loads the quote form's copy schema (and so this module) without path aliases.
import { text } from "./schemas";

/** Anything in braces counts, so a misspelt `{Due date}` is caught instead of reaching a visitor raw. */
const PLACEHOLDER = /\{([^{}]*)\}/g;

/** The placeholders a reply template may use, each filled from the lead it answers (lib/leads/reply.ts). */
export const REPLY_PLACEHOLDERS = ["name", "reference", "interest", "company", "owner"] as const;
export type ReplyPlaceholder = (typeof REPLY_PLACEHOLDERS)[number];

/** The promise's one placeholder: the local due time, e.g. "Friday 4 December, 12:00 SAST". */
export const PROMISE_PLACEHOLDERS = ["due"] as const;

/** The placeholder names in `value`, each once, in order of first use. */
export function placeholdersIn(value: string): string[] {
  return [...new Set(Array.from(value.matchAll(PLACEHOLDER), (match) => match[1]!))];
}

/** The names `value` uses that are not in `known`. */
export function unknownPlaceholders(value: string, known: readonly string[]): string[] {
  return placeholdersIn(value).filter((name) => !known.includes(name));
}

/** "{name}, {reference} or {interest}": the known names, for messages ("and" when `conjunction` says so). */
export function listPlaceholders(known: readonly string[], conjunction: "or" | "and" = "or"): string {
  const names = known.map((name) => `{${name}}`);
  return names.length > 1 ? `${names.slice(0, -1).join(", ")} ${conjunction} ${names.at(-1)}` : (names[0] ?? "");
}

/**
 * Copy with placeholders: at most `max` characters, only the `allowed` placeholders, and every `required` one,
 * so an unknown or missing placeholder fails the content's validation (naming the file and field) instead of
 * reaching a visitor raw or blank.
 */
export function template(max: number, allowed: readonly string[], required: readonly string[] = allowed) {
  const known = allowed.map((name) => `{${name}}`).join(", ");
  return text(max)
    .refine((value) => unknownPlaceholders(value, allowed).length === 0, {
      error: (issue) =>
        `unknown placeholder ${unknownPlaceholders(String(issue.input), allowed)
          .map((name) => `{${name}}`)
          .join(", ")} (this text may use ${known})`,
    })
    .refine((value) => required.every((name) => placeholdersIn(value).includes(name)), {
      error: `must contain ${required.map((name) => `{${name}}`).join(", ")}`,
    });
}

export type Filled = {
  text: string;
  /** Known placeholders with no value for this lead: left in the text as they were. */
  missing: string[];
  /** Names that are no placeholder at all: left in the text as they were. */
  unknown: string[];
};

/**
 * `value` with each known placeholder that has a value replaced by it (a value is never read as a placeholder
 * itself: one pass). A known one without a value (null or blank) and an unknown one stay as written, and are listed.
 */
export function fillPlaceholders(
  value: string,
  known: readonly string[],
  values: Readonly<Record<string, string | null | undefined>>,
): Filled {
  const missing = new Set<string>();
  const unknown = new Set<string>();
  const filled = value.replace(PLACEHOLDER, (whole, name: string) => {
    if (!known.includes(name)) {
      unknown.add(name);
      return whole;
    }
    const found = values[name]?.trim();
    if (!found) {
      missing.add(name);
      return whole;
    }
    return found;
  });
  return { text: filled, missing: [...missing], unknown: [...unknown] };
}

/** The text with each placeholder replaced by its value (the schema has made sure each one has a value). */
export function fillTemplate(value: string, values: Readonly<Record<string, string>>): string {
  return fillPlaceholders(value, Object.keys(values), values).text;
}

/** The promise sentence filled in with its due time. */
export function promiseSentence(sentence: string, due: string): string {
  return fillTemplate(sentence, { due });
}
