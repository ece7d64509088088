// Relative imports: next.config.ts loads the quote form's copy schema (and so this module) without path aliases.
import { text } from "./schemas";

/** `{name}` in a piece of copy: a value the server fills in (the promise's `{due}`, a reply's `{reference}`). */
const PLACEHOLDER = /\{([^{}]*)\}/g;

/** The placeholders a text uses, in order, each once. */
export function placeholdersIn(value: string): string[] {
  return [...new Set([...value.matchAll(PLACEHOLDER)].map((match) => match[1]!))];
}

/**
 * Copy with placeholders: at most `max` characters, only the `allowed` placeholders, and every `required` one,
 * so an unknown or missing placeholder fails the content's validation (naming the file and field) instead of
 * reaching a visitor raw or blank.
 */
export function template(max: number, allowed: readonly string[], required: readonly string[] = allowed) {
  const known = allowed.map((name) => `{${name}}`).join(", ");
  return text(max)
    .refine((value) => placeholdersIn(value).every((name) => allowed.includes(name)), {
      error: (issue) =>
        `unknown placeholder ${placeholdersIn(String(issue.input))
          .filter((name) => !allowed.includes(name))
          .map((name) => `{${name}}`)
          .join(", ")} (this text may use ${known})`,
    })
    .refine((value) => required.every((name) => placeholdersIn(value).includes(name)), {
      error: `must contain ${required.map((name) => `{${name}}`).join(", ")}`,
    });
}

/** The text with each placeholder replaced by its value (the schema has made sure each one has a value). */
export function fillTemplate(value: string, values: Readonly<Record<string, string>>): string {
  return value.replace(PLACEHOLDER, (whole, name: string) => values[name] ?? whole);
}

/** The promise's one placeholder: the local due time, e.g. "Friday 4 December, 12:00 SAST". */
export const PROMISE_PLACEHOLDERS = ["due"] as const;

/** The promise sentence filled in with its due time. */
export function promiseSentence(sentence: string, due: string): string {
  return fillTemplate(sentence, { due });
}
