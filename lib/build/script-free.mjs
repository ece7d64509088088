// The script-free pages step (issue 25), as pure functions: which routes qualify, and how one prerendered
// document loses the framework's runtime. Run by lib/build/script-free-adapter.mjs inside `next build`.
//
// Plain JavaScript with JSDoc types: Next.js imports the build adapter with Node's own `import()`, which reads
// no TypeScript on Node 20.
import vm from "node:vm";
import { inlineScriptSource } from "../server/content-security-policy.mjs";

/** A build refuses a page with this error; its message names the page and says why. */
export class ScriptFreeRefusal extends Error {
  /** @param {string} page @param {string} reason */
  constructor(page, reason) {
    super(`script-free pages: ${page}: ${reason}`);
    this.name = "ScriptFreeRefusal";
    this.page = page;
  }
}

/** The framework's own client modules: everything it needs to hydrate and route, nothing of ours. */
const FRAMEWORK_MODULE = "[project]/node_modules/next/";
/**
 * Route files that only act once something fails or is missing: without the runtime they do nothing, and the
 * static page they are part of never shows them (a prerendered page that failed would not have been built).
 */
const BOUNDARY_FILE = /\/(?:error|global-error|not-found|forbidden|unauthorized)\.(?:tsx|ts|jsx|js|mdx)$/;

/**
 * The client modules of one route (a Turbopack client reference manifest's `clientModules` keys) that need the
 * runtime: any outside Next.js itself, except the error and not-found boundaries. None: the route qualifies.
 * @param {string} page
 * @param {string[]} clientModules
 * @returns {string[]}
 */
export function clientComponentsOf(page, clientModules) {
  const ours = [];
  for (const key of clientModules) {
    if (!key.startsWith("[project]/")) {
      throw new ScriptFreeRefusal(page, `unrecognised client reference "${key}" (did the bundler's output change?)`);
    }
    const file = key.split(/[ #]/, 1)[0] ?? key;
    if (file.startsWith(FRAMEWORK_MODULE) || BOUNDARY_FILE.test(file)) continue;
    ours.push(file.slice("[project]/".length));
  }
  return ours;
}

/**
 * Reads a route's client reference manifest (`<distDir>/server/app/<source page>_client-reference-manifest.js`,
 * a script that assigns `globalThis.__RSC_MANIFEST[<source page>]`) in a sandbox, and returns its client modules.
 * @param {string} page
 * @param {string} sourcePage
 * @param {string} code
 * @returns {string[]}
 */
export function clientModulesFromManifest(page, sourcePage, code) {
  /** @type {{ __RSC_MANIFEST?: Record<string, { clientModules?: Record<string, unknown> }> }} */
  const sandbox = {};
  try {
    vm.runInNewContext(code, sandbox, { timeout: 1000 });
  } catch (error) {
    throw new ScriptFreeRefusal(page, `its client reference manifest does not run (${String(error)})`);
  }
  const modules = sandbox.__RSC_MANIFEST?.[sourcePage]?.clientModules;
  if (!modules || typeof modules !== "object") {
    throw new ScriptFreeRefusal(page, `its client reference manifest has no clientModules for ${sourcePage}`);
  }
  return Object.keys(modules);
}

const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script>/g;
const SCRIPT_LINK = /<link\b[^>]*\b(?:as="script"|rel="modulepreload")[^>]*>/g;
const CHUNK = /^\/_next\/static\/chunks\/[\w.-]+\.js$/;
/** The inline script that opens the RSC payload, and each one that adds a chunk of it (a JSON string). */
const PAYLOAD_START = "(self.__next_f=self.__next_f||[]).push([0])";
const PAYLOAD_CHUNK = /^self\.__next_f\.push\(\[1,"(?:[^"\\]|\\.)*"\]\)$/;
/** Turbopack's bootstrap: which chunks to load and which module starts the runtime. */
const CHUNK_NAME = String.raw`"static\/chunks\/[\w.-]+\.js"`;
const TURBOPACK_BOOTSTRAP = new RegExp(
  String.raw`^\(globalThis\["TURBOPACK"\] \|\| \(globalThis\["TURBOPACK"\] = \[\]\)\)\.push\(` +
    String.raw`\{"otherChunks":\[${CHUNK_NAME}(?:,${CHUNK_NAME})*\],"runtimeModuleIds":\[\d+(?:,\d+)*\]\}\);$`,
);
/** Markup that only a script finishes: streamed Suspense content and boundaries still pending or failed. */
const STREAMED = [
  { pattern: /<div hidden id="S:/, what: 'streamed Suspense content (<div hidden id="S:...">)' },
  { pattern: /<template id="[BP]:/, what: "a Suspense placeholder (<template id=B:...>)" },
  { pattern: /<!--\$[?!]-->/, what: "a Suspense boundary still pending or failed (<!--$?--> / <!--$!-->)" },
  { pattern: /\$R[CSX]\s*[=(]/, what: "React's streaming script ($RC/$RS/$RX)" },
];

/**
 * A tag's attributes (the text after its name) by name, or undefined when some of the text is not an attribute this
 * reads (`name` or `name="value"`).
 * @param {string} attributes
 * @returns {Record<string, string> | undefined}
 */
export function attributesOf(attributes) {
  /** @type {Record<string, string>} */
  const result = {};
  const rest = attributes.replace(/\s([\w-]+)(?:="([^"]*)")?/g, (_, name, value) => {
    result[name] = value ?? "";
    return "";
  });
  if (rest.trim() !== "" && rest.trim() !== "/") return undefined;
  return result;
}

/**
 * What one `<script>` is: the framework's runtime (removed), data (kept), or something this step does not
 * recognise (the build stops).
 * @param {string} attributes
 * @param {string} body
 * @returns {"runtime" | "payload-start" | "payload" | "data" | string}
 */
function classify(attributes, body) {
  const attrs = attributesOf(attributes);
  if (!attrs) return `a script with attributes it cannot read (${attributes.trim()})`;
  const names = Object.keys(attrs).sort().join(",");
  if (names === "type" && attrs.type === "application/ld+json") return "data";
  if (attrs.src !== undefined) {
    const known = ["async,src", "noModule,src", "src"].includes(names);
    if (known && CHUNK.test(attrs.src) && body === "") return "runtime";
    return `an unknown script file (<script${attributes}>)`;
  }
  if (names === "id" && attrs.id === "_R_" && TURBOPACK_BOOTSTRAP.test(body)) return "runtime";
  if (names === "" && body === PAYLOAD_START) return "payload-start";
  if (names === "" && PAYLOAD_CHUNK.test(body)) return "payload";
  const streamed = STREAMED.find(({ pattern }) => pattern.test(body));
  if (streamed) return streamed.what;
  return `an unknown inline script (<script${attributes}>${body.slice(0, 80)}${body.length > 80 ? "..." : ""})`;
}

/**
 * One prerendered document without the framework's runtime: its script files, their preloads, Turbopack's
 * bootstrap and the inline RSC payload go; JSON-LD and all markup stay. Throws a ScriptFreeRefusal naming `page`
 * when the document holds anything else, or when what it expects (the payload's opening script) is missing.
 * @param {string} page
 * @param {string} html
 * @returns {string}
 */
export function stripRuntime(page, html) {
  for (const { pattern, what } of STREAMED.slice(0, 3)) {
    if (pattern.test(html)) throw new ScriptFreeRefusal(page, `${what}: it needs the runtime to appear`);
  }
  let payloadStarts = 0;
  let payloadChunks = 0;
  let runtime = 0;
  const stripped = html
    .replace(SCRIPT, (whole, attributes, body) => {
      const kind = classify(attributes, body);
      if (kind === "data") return whole;
      if (kind === "payload-start") payloadStarts += 1;
      else if (kind === "payload") payloadChunks += 1;
      else if (kind === "runtime") runtime += 1;
      else throw new ScriptFreeRefusal(page, kind);
      return "";
    })
    .replace(SCRIPT_LINK, (link) => {
      const href = /\shref="([^"]*)"/.exec(link)?.[1] ?? "";
      if (!CHUNK.test(href)) throw new ScriptFreeRefusal(page, `an unknown script preload (${link})`);
      return "";
    });
  if (payloadStarts !== 1 || payloadChunks === 0) {
    throw new ScriptFreeRefusal(
      page,
      `the RSC payload's marker (${PAYLOAD_START} then self.__next_f.push([1,...])) was not found as expected ` +
        `(${payloadStarts} openings, ${payloadChunks} chunks): did the framework's output change?`,
    );
  }
  if (runtime === 0)
    throw new ScriptFreeRefusal(page, "no framework script file found: did the framework's output change?");
  const left =
    /<script\b(?![^>]*type="application\/ld\+json")[^>]*>|__next_f|\/_next\/static\/chunks\/[\w.-]+\.js/.exec(stripped);
  if (left) throw new ScriptFreeRefusal(page, `runtime markup left after stripping: ${left[0]}`);
  return stripped;
}

/** Markup that runs script without a `<script>` element, which no hash can allow (it would need 'unsafe-hashes'). */
const UNHASHABLE = [
  { pattern: /<[a-zA-Z][^>]*?\son[a-z]+=/, what: "an inline event handler attribute (on...=)" },
  { pattern: /<[a-zA-Z][^>]*?\s(?:href|src|action|formaction)="\s*javascript:/i, what: "a javascript: URL" },
];

/**
 * The sources that let a page keeping the runtime run its inline scripts, and nothing else inline: one
 * `'sha256-...'` per distinct inline script (JSON-LD is data and needs none; script files come from this origin).
 * Throws a ScriptFreeRefusal naming `page` when the document runs script in a way a hash cannot allow, or holds
 * a script it cannot read, or a script file from elsewhere.
 * @param {string} page
 * @param {string} html
 * @returns {string[]}
 */
export function inlineScriptSources(page, html) {
  for (const { pattern, what } of UNHASHABLE) {
    const found = pattern.exec(html);
    if (found) throw new ScriptFreeRefusal(page, `${what} cannot be allowed by a hash: ${found[0].slice(0, 80)}`);
  }
  const sources = new Set();
  for (const [, attributes, body] of html.matchAll(SCRIPT)) {
    const attrs = attributesOf(attributes ?? "");
    if (!attrs) throw new ScriptFreeRefusal(page, `a script with attributes it cannot read (${attributes?.trim()})`);
    if (attrs.type === "application/ld+json") continue;
    if (attrs.src !== undefined) {
      if (!attrs.src.startsWith("/") || attrs.src.startsWith("//")) {
        throw new ScriptFreeRefusal(page, `a script file from another origin (${attrs.src})`);
      }
      continue;
    }
    sources.add(inlineScriptSource(body ?? ""));
  }
  const opened = (html.match(/<script\b/g) ?? []).length;
  const read = [...html.matchAll(SCRIPT)].length;
  if (opened !== read) throw new ScriptFreeRefusal(page, `${opened - read} <script> without a closing tag it can read`);
  return [...sources];
}
