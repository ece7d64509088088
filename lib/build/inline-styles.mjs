// The stylesheet of a script-free page, cut to what its own markup uses and inlined in a <style> (issue 25): the
// page then paints from its document alone, with no request between the first byte and the first paint. Run by
// lib/build/script-free-adapter.mjs on each page it strips; pages that keep the runtime keep their <link>s.
//
// Which rules a page uses: every rule with a selector that matches an element of the document, pseudo-elements
// left out and state pseudo-classes (:hover, :focus-visible, :popover-open...) taken as true (css-select over
// htmlparser2's tree). A selector it cannot evaluate keeps its rule, so the cut only ever keeps too much. A
// script-free page's markup never changes after load, so what its elements match is complete. Then the custom
// properties that nothing left reads are dropped.
import { selectOne } from "css-select";
import { parseDocument } from "htmlparser2";
import postcss from "postcss";
import { attributesOf, ScriptFreeRefusal } from "./script-free.mjs";

const STYLESHEET_LINK = /<link\b([^>]*)\brel="stylesheet"([^>]*)>/g;
/** The only stylesheets a build links: the bundler's own files under /_next/static/. */
const BUILD_STYLESHEET = /^\/_next\/static\/[\w./-]+\.css$/;
/** Attributes of a build's stylesheet link that change nothing once its rules are in the document. */
const LINK_ATTRIBUTES = new Set(["rel", "href", "data-precedence"]);
/**
 * The page's stylesheet links, in document order. Throws a ScriptFreeRefusal naming `page` for a link this step
 * cannot inline without changing what it means (a `media` or other attribute, a file from elsewhere).
 * @param {string} page
 * @param {string} html
 * @returns {{ tag: string; href: string }[]}
 */
function stylesheetLinks(page, html) {
  return [...html.matchAll(STYLESHEET_LINK)].map(([tag, before = "", after = ""]) => {
    const attrs = attributesOf(`${before} ${after}`);
    if (!attrs) throw new ScriptFreeRefusal(page, `a stylesheet link with attributes it cannot read: ${tag}`);
    const unknown = Object.keys(attrs).filter((name) => !LINK_ATTRIBUTES.has(name));
    if (unknown.length > 0) throw new ScriptFreeRefusal(page, `a stylesheet link with ${unknown.join(", ")}: ${tag}`);
    const href = attrs.href ?? "";
    if (!BUILD_STYLESHEET.test(href)) throw new ScriptFreeRefusal(page, `a stylesheet not from the build: ${tag}`);
    return { tag, href };
  });
}

/**
 * A stylesheet's relative `url()`s made absolute against the address it was linked from, since its rules now sit
 * in the document.
 * @param {string} page
 * @param {string} css
 * @param {string} href
 */
function rebaseUrls(page, css, href) {
  let root;
  try {
    root = postcss.parse(css);
  } catch (error) {
    throw new ScriptFreeRefusal(page, `its stylesheet ${href} does not parse (${String(error)})`);
  }
  root.walkDecls((decl) => {
    decl.value = decl.value.replace(/url\((["']?)([^"')]+)\1\)/g, (whole, quote, url) =>
      /^(?:[a-z][\w+.-]*:|\/|#)/i.test(url)
        ? whole
        : `url(${quote}${new URL(url, `http://x${href}`).pathname}${quote})`,
    );
  });
  return root.toString();
}

/**
 * Drops the declarations of custom properties (and their `@property` registrations) that no declaration left in
 * the sheet and no `style` attribute of the page reads, until none is left unread; then the rules emptied by it.
 * @param {string} css
 * @param {string} html
 */
export function dropUnreadProperties(css, html) {
  const root = postcss.parse(css);
  const reads = (text) => [...text.matchAll(/var\(\s*(--[\w-]+)/g)].map(([, name]) => name);
  /** @type {Map<string, string[]>} each custom property, with the properties its own values read */
  const declared = new Map();
  const read = new Set([...html.matchAll(/\sstyle="([^"]*)"/g)].flatMap(([, style = ""]) => reads(style)));
  root.walkDecls((decl) => {
    if (decl.prop.startsWith("--")) declared.set(decl.prop, [...(declared.get(decl.prop) ?? []), ...reads(decl.value)]);
    else for (const name of reads(decl.value)) read.add(name);
  });
  const pending = [...read];
  while (pending.length > 0) {
    for (const name of declared.get(pending.pop() ?? "") ?? []) {
      if (!read.has(name)) {
        read.add(name);
        pending.push(name);
      }
    }
  }
  root.walkDecls((decl) => {
    if (decl.prop.startsWith("--") && !read.has(decl.prop)) decl.remove();
  });
  root.walkAtRules("property", (rule) => {
    if (!read.has(rule.params.trim())) rule.remove();
  });
  /** @param {import("postcss").Container} container */
  const pruneEmpty = (container) => {
    container.each((node) => {
      if (node.type !== "rule" && node.type !== "atrule") return;
      if (!node.nodes) return;
      pruneEmpty(node);
      if (node.nodes.length === 0) node.remove();
    });
  };
  pruneEmpty(root);
  return root.toString();
}

/** Pseudo-classes whose truth changes while the page is open (a visitor's pointer, focus, input, a popover). */
const STATE_PSEUDOS = [
  "hover",
  "focus",
  "focus-visible",
  "focus-within",
  "active",
  "visited",
  "target",
  "target-within",
  "checked",
  "indeterminate",
  "placeholder-shown",
  "autofill",
  "invalid",
  "valid",
  "user-invalid",
  "user-valid",
  "in-range",
  "out-of-range",
  "popover-open",
  "open",
  "closed",
  "modal",
  "fullscreen",
  "playing",
  "paused",
  "default",
  "defined",
];
const STATE_PSEUDO = new RegExp(String.raw`:(?:${STATE_PSEUDOS.join("|")})(?![\w-])`);
const ALWAYS = Object.fromEntries(STATE_PSEUDOS.map((name) => [name, () => true]));
/** Pseudo-elements (and the four that CSS 2 wrote with one colon): they style a part of an element that exists. */
const PSEUDO_ELEMENT = /::[\w-]+(?:\([^)]*\))?|:(?:before|after|first-line|first-letter)(?![\w-])/g;

/**
 * Whether a selector can match an element of `document` as the page is used: its pseudo-elements left out, state
 * pseudo-classes taken as true. A selector that negates a state, or that css-select cannot evaluate, counts as a
 * match: keeping a rule is always safe.
 * @param {string} selector
 * @param {import("domhandler").Document} document
 */
export function mayMatch(selector, document) {
  if (selector.includes(":not(") && STATE_PSEUDO.test(selector)) return true;
  const plain = selector.replace(PSEUDO_ELEMENT, "").trim();
  const query = plain === "" || /[>+~]$/.test(plain) ? `${plain} *` : plain;
  try {
    return selectOne(query, document, { pseudos: ALWAYS }) !== null;
  } catch {
    return true;
  }
}

/**
 * The rules of `css` that `html`'s elements may match (see mayMatch); at-rules emptied by the cut go with them.
 * @param {string} css
 * @param {string} html
 */
export function rulesUsed(css, html) {
  const document = parseDocument(html);
  const root = postcss.parse(css);
  root.walkRules((rule) => {
    if (
      rule.parent?.type === "atrule" &&
      /keyframes$/.test(/** @type {import("postcss").AtRule} */ (rule.parent).name)
    ) {
      return;
    }
    const kept = rule.selectors.filter((selector) => mayMatch(selector, document));
    if (kept.length === 0) rule.remove();
    else if (kept.length < rule.selectors.length) rule.selectors = kept;
  });
  return root.toString();
}

/**
 * `html` (a stripped page) with its build stylesheets replaced by one `<style>` holding the rules its markup uses,
 * where the first link was. `readStylesheet` reads a stylesheet by its address (undefined: no such file). Throws a
 * ScriptFreeRefusal naming `page` when a link cannot be inlined, or a stylesheet is missing or does not parse.
 * @param {string} page
 * @param {string} html
 * @param {(href: string) => string | undefined} readStylesheet
 * @returns {string}
 */
export function inlineStylesheets(page, html, readStylesheet) {
  const links = stylesheetLinks(page, html);
  if (links.length === 0) return html;
  const css = links
    .map(({ href }) => {
      const text = readStylesheet(href);
      if (text === undefined) throw new ScriptFreeRefusal(page, `its stylesheet ${href} is not in the build`);
      return rebaseUrls(page, text, href);
    })
    .join("\n");
  if (/<\/style/i.test(css)) throw new ScriptFreeRefusal(page, "a stylesheet holds </style>");
  const cut = dropUnreadProperties(rulesUsed(css, html), html);
  const [first, ...rest] = links;
  return rest
    .reduce((result, { tag }) => result.replace(tag, ""), html)
    .replace(first?.tag ?? "", () => `<style>${cut}</style>`);
}
