/**
 * `npm run content:new -- article|service|product|case-study "Title"`: writes a new content file as a
 * draft, with every required field and a body skeleton, then prints where it is and how to preview it.
 */
import fs from "node:fs";
import path from "node:path";
import { site } from "@/lib/content";
import { CONTENT_ROOT, readEntry } from "@/lib/content/collection";
import { ENTRY_KINDS, newEntryText, previewPath, slugify, type EntryKind } from "@/lib/content/new-entry";
import { articleSchema, caseStudySchema, productSchema, serviceSchema } from "@/lib/content/schemas";
import { NO_SERVER, toolOrigin } from "@/lib/server/dev-origin";

const USAGE = 'usage: npm run content:new -- article|service|product|case-study "Title"';
const schemas = {
  article: articleSchema,
  service: serviceSchema,
  product: productSchema,
  "case-study": caseStudySchema,
};

function main([kind, ...words]: string[]): number {
  const title = words.join(" ").trim();
  if (!kind || !(kind in ENTRY_KINDS) || !title) {
    console.error(USAGE);
    return 2;
  }
  const entryKind = kind as EntryKind;
  const slug = slugify(title);
  if (!slug) {
    console.error(`content:new: "${title}" has no letters or digits to make a file name from`);
    return 2;
  }
  const file = path.join(CONTENT_ROOT, ENTRY_KINDS[entryKind], `${slug}.mdx`);
  const shown = path.relative(process.cwd(), file);
  if (fs.existsSync(file)) {
    console.error(`content:new: ${shown} already exists; choose another title or edit that file`);
    return 1;
  }
  const firstService = fs
    .readdirSync(path.join(CONTENT_ROOT, "services"))
    .filter((name) => name.endsWith(".mdx"))
    .sort()[0]
    ?.replace(/\.mdx$/, "");
  const text = newEntryText(entryKind, {
    title,
    today: new Date().toISOString().slice(0, 10),
    author: site.owner.name,
    service: firstService ?? "custom-web-applications",
  });
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  readEntry(file, schemas[entryKind]); // the file it wrote passes the same checks as the build
  console.log(`Wrote ${shown} (a draft: it shows in development only).`);
  const origin = toolOrigin();
  console.log(
    origin
      ? `Preview: open ${origin}${previewPath(entryKind, slug)}`
      : `Preview: ${NO_SERVER}; then open ${previewPath(entryKind, slug)} on the address it prints.`,
  );
  console.log("Fill in the fields and the body, then set `draft: false` to publish it.");
  return 0;
}

process.exitCode = main(process.argv.slice(2));
