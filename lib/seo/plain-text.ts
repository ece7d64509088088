import type { Nodes, Root } from "mdast";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";

const parser = unified().use(remarkParse).use(remarkGfm);

/** Nodes whose children run on within one line of text; the children of any other node are separate blocks. */
const INLINE = /^(paragraph|heading|emphasis|strong|delete|link|linkReference|tableCell)$/;

/** The reader-facing text of a node: code blocks are dropped, raw HTML and JSX tags lose their markup. */
function textOf(node: Nodes): string {
  if (node.type === "code") return " ";
  if (node.type === "html") return ` ${mdxToPlainText(node.value.replace(/<\/?[A-Za-z][^<>]*>/g, " "))} `;
  if (node.type === "image") return node.alt ?? "";
  if (!("children" in node)) return "value" in node ? node.value : "";
  return node.children.map(textOf).join(INLINE.test(node.type) ? "" : " ");
}

/**
 * Plain text from an MDX body, for places that take text only (JSON-LD answers, feed summaries): Markdown
 * parsed by remark, links become their text, JSX and HTML tags are dropped (their children kept), MDX comments
 * and code blocks removed, and whitespace collapsed.
 */
export function mdxToPlainText(source: string): string {
  const tree = parser.parse(source.replace(/\{\/\*[\s\S]*?\*\/\}/g, " ")) as Root;
  return textOf(tree).replace(/\s+/g, " ").trim();
}
