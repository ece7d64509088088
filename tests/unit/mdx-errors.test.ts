// What the owner reads when an MDX body is wrong: the file and the file's own line (frontmatter counted), and
// for an unknown component the components there are.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { MdxContent } from "@/components/mdx/mdx-content";
import { readEntry } from "@/lib/content/collection";
import { articleSchema } from "@/lib/content/schemas";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fsdev-mdx-errors-"));
const original = fs.readFileSync("content/articles/understanding-back-end-developers.mdx", "utf8");

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The real article with `text` as the file's line `line` (the lines after it move down). */
function articleWith(name: string, line: number, text: string) {
  const lines = original.split("\n");
  lines.splice(line - 1, 0, text);
  const file = path.join(dir, `${name}.mdx`);
  fs.writeFileSync(file, lines.join("\n"));
  return readEntry(file, articleSchema);
}

const render = (entry: ReturnType<typeof articleWith>) =>
  MdxContent({ source: entry.body, file: entry.file, line: entry.bodyLine });

describe("MDX errors", () => {
  it("give the line of the file, frontmatter included", async () => {
    const entry = articleWith("unclosed", 27, "<Callout>");
    const error = await render(entry).then(
      () => null,
      (caught: Error) => caught,
    );
    expect(error?.message).toContain(
      `MDX error in ${entry.file}: Expected a closing tag for \`<Callout>\` (27:1-27:10)`,
    );
    expect(error?.message).toContain("> 27 | <Callout>");
    expect(error?.message).not.toContain("next-mdx-remote-client");
  });

  it("name an unknown component's file and line, and list the components there are", async () => {
    const entry = articleWith("unknown-component", 27, "<Chart data={[1, 2]} />");
    await expect(render(entry)).rejects.toThrow(
      `MDX error in ${entry.file}: Unknown component <Chart> on line 27. ` +
        "The components there are: Callout, Figure, ProductCards, QuoteCta.",
    );
  });

  it("leave a correct body alone", async () => {
    const entry = articleWith("fine", 27, "<Callout>A note.</Callout>");
    await expect(render(entry)).resolves.toBeTruthy();
  });
});
