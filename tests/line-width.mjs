// `npm test` (format step): no line of a file Prettier formats is longer than its printWidth. Prettier does not
// break long strings, class lists or comments, so those are wrapped by hand; this keeps them wrapped.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import * as prettier from "prettier";

const { printWidth } = JSON.parse(fs.readFileSync(".prettierrc.json", "utf8"));
// Tracked and new files as git sees them (every file outside node_modules/ when this is no git checkout);
// Prettier's own ignore files decide the rest (prose, data, generated output).
function candidates() {
  try {
    const args = ["ls-files", "--cached", "--others", "--exclude-standard", "-z"];
    return execFileSync("git", args, { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).split("\0");
  } catch {
    return fs
      .readdirSync(".", { recursive: true })
      .filter((file) => !/^(node_modules|\.git|\.next[^/]*)\//.test(file) && fs.statSync(file).isFile());
  }
}
const files = candidates().filter((file) => file && fs.existsSync(file));

const long = [];
let checked = 0;
for (const file of files) {
  const info = await prettier.getFileInfo(file, { ignorePath: [".gitignore", ".prettierignore"] });
  if (info.ignored || !info.inferredParser) continue;
  checked += 1;
  fs.readFileSync(file, "utf8")
    .split("\n")
    .forEach((line, index) => {
      const length = [...line].length;
      if (length > printWidth) long.push(`${file}:${index + 1}: ${length} characters`);
    });
}
if (long.length > 0) {
  console.error(`Lines over the configured width of ${printWidth} (wrap them by hand):\n${long.join("\n")}`);
  process.exit(1);
}
console.log(`line width: ${checked} files checked, none over ${printWidth} characters`);
