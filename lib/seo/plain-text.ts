/**
 * Plain text from an MDX body, for places that take text only (JSON-LD answers, feed summaries):
 * links become their text, JSX and HTML tags are dropped (their children kept), Markdown
 * emphasis, headings, list markers and code marks are removed, and whitespace is collapsed.
 */
export function mdxToPlainText(source: string): string {
  return (
    source
      // Fenced code and MDX expressions/comments carry no reader-facing prose.
      .replace(/```[\s\S]*?```/g, " ")
      .replace(/\{\/\*[\s\S]*?\*\/\}/g, " ")
      // JSX and HTML tags (opening, closing, self-closing); the text between them stays.
      .replace(/<\/?[A-Za-z][^<>]*>/g, " ")
      // Images become their alt text, links their label (reference-style too).
      .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1")
      .replace(/\[([^\]]+)\]\([^)]*\)/g, "$1")
      .replace(/\[([^\]]+)\]\[[^\]]*\]/g, "$1")
      // Block markers at the start of a line.
      .replace(/^[ \t]*#{1,6}[ \t]+/gm, "")
      .replace(/^[ \t]*>[ \t]?/gm, "")
      .replace(/^[ \t]*(?:[-*+]|\d+[.)])[ \t]+/gm, "")
      // Inline marks.
      .replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, "$2")
      .replace(/(^|[^\w*])\*(?=\S)([^*\n]*?\S)\*/g, "$1$2")
      .replace(/(^|[^\w])_(?=\S)([^_\n]*?\S)_(?!\w)/g, "$1$2")
      .replace(/~~(?=\S)([^~\n]*?\S)~~/g, "$1")
      .replace(/`([^`\n]+)`/g, "$1")
      .replace(/\s+/g, " ")
      .trim()
  );
}
