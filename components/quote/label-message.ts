/**
 * A field's label followed by its error message, as the error summary lists them: "Your name: …",
 * but "What can we help with? Please choose …" when the label already ends in punctuation.
 */
export function labelMessage(label: string, message: string): string {
  const trimmed = label.trim();
  return /[?!.:;]$/.test(trimmed) ? `${trimmed} ${message}` : `${trimmed}: ${message}`;
}
