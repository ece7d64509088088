/**
 * Checks for MDX bodies: an unknown component (`<Chart>`) fails the compile at its line, naming the components
 * that exist, instead of React's "Expected component `Chart` to be defined" at render time with no file.
 */

import type { Plugin } from "unified";

type Node = {
  type: string;
  name?: string | null;
  position?: { start: { line: number; column: number } };
  children?: Node[];
};
/** A remark plugin: every capitalised JSX element must be one of `names`. */
export const knownComponentsOnly: Plugin<[string[]]> = function (names) {
  const known = new Set(names);
  return (root, file) => {
    const tree = root as unknown as Node;
    const visit = (node: Node) => {
      const jsx = node.type === "mdxJsxFlowElement" || node.type === "mdxJsxTextElement";
      if (jsx && node.name && /^[A-Z]/.test(node.name) && !known.has(node.name)) {
        const line = node.position ? ` on line ${node.position.start.line}` : "";
        file.fail(
          `Unknown component <${node.name}>${line}. The components there are: ${[...known].sort().join(", ")}.`,
        );
      }
      node.children?.forEach(visit);
    };
    visit(tree);
  };
};

/** The compiler's message without the MDX library's banner and link: the reason, its position and code frame. */
export function mdxErrorText(message: string): string {
  return message
    .replace(/^\[next-mdx-remote-client\] error compiling MDX:\n/, "")
    .replace(/\n*More information: https:\/\/mdxjs\.com\/docs\/troubleshooting-mdx\s*$/, "")
    .trim();
}
