/**
 * `{name}`-style placeholders in text the owner writes as content (the reply templates, content/replies): which a
 * text uses, and the text with them filled in. Plain functions: the content loader checks the names at build
 * time, the desk fills them for one lead.
 */

/** The placeholders a reply template may use, each filled from the lead it answers (lib/leads/reply.ts). */
export const REPLY_PLACEHOLDERS = ["name", "reference", "interest", "company", "owner"] as const;
export type ReplyPlaceholder = (typeof REPLY_PLACEHOLDERS)[number];

const PLACEHOLDER = /\{([A-Za-z_][A-Za-z0-9_-]*)\}/g;

/** The placeholder names in `text`, each once, in order of first use. */
export function placeholdersIn(text: string): string[] {
  return [...new Set(Array.from(text.matchAll(PLACEHOLDER), (match) => match[1]!))];
}

/** The names `text` uses that are not in `known`. */
export function unknownPlaceholders(text: string, known: readonly string[]): string[] {
  return placeholdersIn(text).filter((name) => !known.includes(name));
}

/** "{name}, {reference} or {interest}": the known names, for messages ("and" when `conjunction` says so). */
export function listPlaceholders(known: readonly string[], conjunction: "or" | "and" = "or"): string {
  const names = known.map((name) => `{${name}}`);
  return names.length > 1 ? `${names.slice(0, -1).join(", ")} ${conjunction} ${names.at(-1)}` : (names[0] ?? "");
}

export type Filled = {
  text: string;
  /** Known placeholders with no value for this lead: left in the text as they were. */
  missing: string[];
  /** Names that are no placeholder at all: left in the text as they were. */
  unknown: string[];
};

/**
 * `text` with each known placeholder that has a value replaced by it (a value is never read as a placeholder
 * itself: one pass). A known one without a value (null or blank) and an unknown one stay as written, and are listed.
 */
export function fillPlaceholders(
  text: string,
  known: readonly string[],
  values: Record<string, string | null | undefined>,
): Filled {
  const missing = new Set<string>();
  const unknown = new Set<string>();
  const filled = text.replace(PLACEHOLDER, (whole, name: string) => {
    if (!known.includes(name)) {
      unknown.add(name);
      return whole;
    }
    const value = values[name]?.trim();
    if (!value) {
      missing.add(name);
      return whole;
    }
    return value;
  });
  return { text: filled, missing: [...missing], unknown: [...unknown] };
}
