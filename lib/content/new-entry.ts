import matter from "gray-matter";

/** The kinds of file `npm run content:new` writes, and the folder each lives in. */
export const ENTRY_KINDS = {
  article: "articles",
  service: "services",
  product: "products",
  "case-study": "case-studies",
} as const;

export type EntryKind = keyof typeof ENTRY_KINDS;

/** The URL slug (and file name) for a title: lower case, ASCII letters and digits, single hyphens. */
export function slugify(title: string): string {
  return title
    .normalize("NFKD")
    .replace(/['’]/g, "")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/, "");
}

/** The URL path a new entry is previewed at. */
export function previewPath(kind: EntryKind, slug: string): string {
  return `/${ENTRY_KINDS[kind]}/${slug}`;
}

type Context = { title: string; today: string; author: string; service: string };

/** Frontmatter per kind: every required field, with text that says what to write there. */
function frontmatter(kind: EntryKind, { title, today, author, service }: Context): Record<string, unknown> {
  const description = `One or two sentences for search results and link previews about ${title}.`;
  switch (kind) {
    case "article":
      return {
        title,
        description,
        draft: true,
        published: today,
        author,
        tags: [],
        heroImage: {
          src: "/images/articles/placeholder.svg",
          alt: "Describe the image for someone who cannot see it",
          width: 1200,
          height: 630,
        },
        relatedProducts: [],
      };
    case "service":
      return {
        title,
        description,
        draft: true,
        summary: "What the client gets from this service, in one or two sentences.",
        order: 100,
        technologies: ["Python"],
        deliverables: ["The first thing the client receives", "The second thing the client receives"],
      };
    case "product":
      return {
        title,
        description,
        draft: true,
        tagline: "What the product does, in a line",
        summary: "Who the product is for and what it improves, in one or two sentences.",
        order: 100,
        category: "BusinessApplication",
        features: ["The first feature", "The second feature"],
      };
    case "case-study":
      return {
        title,
        description,
        draft: true,
        client: "The client's name, or their sector",
        problem: "What the client needed and why it mattered.",
        built: "What FS Dev built, and how it fits the client's work.",
        technologies: ["Python"],
        outcome: "What changed once it was in use, with a figure where there is one.",
        service,
      };
  }
}

const bodies: Record<EntryKind, string> = {
  article:
    "## The first point\n\nWrite the article here. Use ## for sections; the title above is the page's heading.\n",
  service: "## What this service covers\n\nDescribe the service here.\n\n## How we work\n\nDescribe the steps.\n",
  product: "## What it does\n\nDescribe the product here.\n\n## Who it is for\n\n- The first kind of user\n",
  "case-study": "## The story\n\nOptional: tell the project's story in more detail here, or delete this section.\n",
};

/** The text of a new content file: frontmatter that passes its schema (as a draft) and a body skeleton. */
export function newEntryText(kind: EntryKind, context: Context): string {
  return matter.stringify(`\n${bodies[kind]}`, frontmatter(kind, context));
}
