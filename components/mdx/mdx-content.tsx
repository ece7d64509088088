import { evaluate } from "next-mdx-remote-client/rsc";
import rehypeAutolinkHeadings from "rehype-autolink-headings";
import rehypeSlug from "rehype-slug";
import remarkGfm from "remark-gfm";
import type { MDXComponents } from "mdx/types";
import { Callout } from "./callout";
import { Figure } from "./figure";
import { ProductCards } from "./product-cards";
import { QuoteCta } from "./quote-cta";
import { SmartLink } from "./smart-link";

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

/**
 * Compiles an entry's MDX body on the server (at build time for static pages). A syntax
 * error fails the build with the file's name.
 */
export async function MdxContent({ source, file }: { source: string; file: string }) {
  const { content, error } = await evaluate({
    source,
    components,
    options: {
      disableImports: true,
      disableExports: true,
      mdxOptions: {
        remarkPlugins: [remarkGfm],
        rehypePlugins: [
          rehypeSlug,
          [
            rehypeAutolinkHeadings,
            {
              behavior: "append",
              properties: { className: ["heading-anchor"], ariaHidden: true, tabIndex: -1 },
              content: { type: "text", value: "#" },
            },
          ],
        ],
      },
    },
  });
  if (error) throw new Error(`MDX error in ${file}: ${error.message}`);
  return content;
}

/** The MDX body inside typographic styles. */
export function Prose({ source, file }: { source: string; file: string }) {
  return (
    <div
      className={[
        "prose max-w-none prose-slate prose-headings:scroll-mt-24 prose-a:text-brand-800 prose-a:underline-offset-2",
        "prose-table:text-base [&_.heading-anchor]:ml-2 [&_.heading-anchor]:text-slate-400",
        "[&_.heading-anchor]:no-underline",
      ].join(" ")}
    >
      <MdxContent source={source} file={file} />
    </div>
  );
}
