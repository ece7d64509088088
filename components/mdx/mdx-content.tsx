import { evaluate } from "next-mdx-remote-client/rsc";
import rehypeAutolinkHeadings from "rehype-autolink-headings";
import rehypeSlug from "rehype-slug";
import remarkGfm from "remark-gfm";
import type { MDXComponents } from "mdx/types";
import { Callout } from "./callout";
import { Figure } from "./figure";
import { ProductCards } from "./product-cards";
import { QuoteCta } from "./quote-cta";
import { knownComponentsOnly, mdxErrorText } from "./known-components";
import { SmartLink } from "./smart-link";

/** The components an MDX body may use (content/README and the owner guide list them too). */
const components: MDXComponents = {
  a: SmartLink,
  table: (props) => (
    <div className="overflow-x-auto">
      <table {...props} />
    </div>
  ),
  Callout,
  Figure,
  ProductCards,
  QuoteCta,
};

const COMPONENT_NAMES = Object.keys(components).filter((name) => /^[A-Z]/.test(name));

type Props = {
  source: string;
  file: string;
  /** The file's line the body starts on (Entry.bodyLine): errors then name the file's lines. */
  line?: number;
};

/**
 * Compiles an entry's MDX body on the server (at build time for static pages). An error fails the build (in
 * development: shows on the page) naming the file and, where the compiler gives one, the file's line; an unknown
 * component also lists the components there are.
 */
export async function MdxContent({ source, file, line = 1 }: Props) {
  const { content, error } = await evaluate({
    // Blank lines in front of the body: the compiler then counts lines as the file does (after the frontmatter).
    source: "\n".repeat(Math.max(0, line - 1)) + source,
    components,
    options: {
      disableImports: true,
      disableExports: true,
      mdxOptions: {
        remarkPlugins: [remarkGfm, [knownComponentsOnly, COMPONENT_NAMES]],
        rehypePlugins: [
          rehypeSlug,
          // Each heading's text links to itself: one keyboard stop named by the heading, and a "#"
          // (app/globals.css, .heading-anchor) that appears only on hover or focus.
          [rehypeAutolinkHeadings, { behavior: "wrap", properties: { className: ["heading-anchor"] } }],
        ],
      },
    },
  });
  if (error) throw new Error(`MDX error in ${file}: ${mdxErrorText(error.message)}`);
  return content;
}

/** The MDX body inside typographic styles. */
export function Prose({ source, file, line }: Props) {
  return (
    <div
      className={[
        "prose max-w-none prose-slate prose-headings:scroll-mt-24 prose-a:text-brand-800 prose-a:underline-offset-2",
        "prose-table:text-base [&_.heading-anchor]:[font-weight:inherit] [&_.heading-anchor]:text-inherit",
        "[&_.heading-anchor]:no-underline",
      ].join(" ")}
    >
      <MdxContent source={source} file={file} line={line} />
    </div>
  );
}
