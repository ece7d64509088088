/** `text` as a regular expression that matches exactly it (every character a pattern would read, escaped). */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
