/**
 * A quote form loaded from an older build of the site posts its server action by the id that build gave it
 * (Next.js draws new ids for each build). This build does not know that id: Next.js would answer
 * "409 Server Action unavailable." and the visitor's values would be lost.
 *
 * For posts to the quote form's page only, an action id this build does not know is replaced by this build's
 * quote action id, and the request is stamped with OUTDATED_ACTION_HEADER (lib/server/peer-stamp.ts: a client
 * cannot forge it). The quote action then stores nothing and answers with the values and a request to send them
 * again (status "outdated", lib/quotes/submit.ts). Both shapes of a post are covered: without JavaScript the id is
 * in the multipart body (`$ACTION_ID_<id>`, or `$ACTION_<n>:0` = {"id": ...} for a form with state); with it,
 * in the Next-Action header. Ids come from the build's server reference manifest. lib/server/http-hook.ts calls
 * this once a post's body is complete (lib/server/body-guard.ts holds it until then).
 */
import fs from "node:fs";
import type { IncomingMessage } from "node:http";
import path from "node:path";
import { FORM_PATH, QUOTE_ACTION } from "@/lib/quotes/form-context";
import { stampValue } from "./peer-stamp";

export const OUTDATED_ACTION_HEADER = "x-fsdev-outdated-action";

/** Every action id of this build, and the quote action's. */
export type ActionIds = { known: ReadonlySet<string>; quote: string };

type Manifest = Record<"node" | "edge", Record<string, { filename?: string; exportedName?: string }> | undefined>;

/** The ids in a parsed server-reference-manifest.json, or null when it has no quote action. */
export function actionIdsOf(manifest: unknown): ActionIds | null {
  const { node = {}, edge = {} } = (manifest ?? {}) as Partial<Manifest>;
  const entries = [...Object.entries(node ?? {}), ...Object.entries(edge ?? {})];
  const quote = entries.find(
    ([, entry]) => entry.filename === QUOTE_ACTION.filename && entry.exportedName === QUOTE_ACTION.exportedName,
  )?.[0];
  return quote ? { known: new Set(entries.map(([id]) => id)), quote } : null;
}

/** The ids of the build in `buildDir` (read once per process); null when the manifest is missing or odd. */
export function readActionIds(buildDir: string): ActionIds | null {
  const file = path.join(/*turbopackIgnore: true*/ process.cwd(), buildDir, "server", "server-reference-manifest.json");
  try {
    return actionIdsOf(JSON.parse(fs.readFileSync(file, "utf8")));
  } catch {
    return null;
  }
}

/**
 * For a post to the quote form's page whose action id this build does not know: the body (and Next-Action
 * header) with this build's quote action id instead, and the request stamped as outdated. Any other request's
 * body comes back as it was.
 */
export function reviveOutdatedAction(request: IncomingMessage, body: Buffer, ids: ActionIds): Buffer {
  if (request.method !== "POST" || new URL(request.url ?? "/", "http://x").pathname !== FORM_PATH) return body;
  // An unknown id of another length is no id Next.js makes: left for Next.js to refuse.
  const outdated = (id: string) => !ids.known.has(id) && id.length === ids.quote.length;
  const header = request.headers["next-action"];
  if (typeof header === "string") {
    if (!outdated(header)) return body;
    request.headers["next-action"] = ids.quote;
    request.headers[OUTDATED_ACTION_HEADER] = stampValue("1");
    return body;
  }
  const boundary = /^multipart\/form-data;.*\bboundary=(?:"([^"]+)"|([^\s;]+))/i.exec(
    request.headers["content-type"] ?? "",
  );
  if (!boundary) return body;
  const delimiter = `--${boundary[1] ?? boundary[2]}`;
  // latin1 maps each byte to one character and back, so every other byte of the body stays as it was.
  let replaced = false;
  const parts = body
    .toString("latin1")
    .split(delimiter)
    .map((part) => {
      const name = /^\r\nContent-Disposition: form-data; name="([^"]*)"/i.exec(part)?.[1];
      const plain = name && /^\$ACTION_ID_(.+)$/.exec(name)?.[1];
      if (plain && outdated(plain)) {
        replaced = true;
        return part.replace(`name="${name}"`, `name="$ACTION_ID_${ids.quote}"`);
      }
      if (!name || !/^\$ACTION_\d+:0$/.test(name)) return part;
      const start = part.indexOf("\r\n\r\n") + 4;
      const end = part.lastIndexOf("\r\n");
      const value = part.slice(start, end);
      const id = parsedId(value);
      if (typeof id !== "string" || !outdated(id)) return part;
      replaced = true;
      return part.slice(0, start) + value.replace(JSON.stringify(id), JSON.stringify(ids.quote)) + part.slice(end);
    });
  if (!replaced) return body;
  request.headers[OUTDATED_ACTION_HEADER] = stampValue("1");
  return Buffer.from(parts.join(delimiter), "latin1");
}

/** The `id` of an action reference's JSON ({"id": ..., "bound": ...}), or undefined. */
function parsedId(value: string): unknown {
  try {
    return (JSON.parse(value) as { id?: unknown } | null)?.id;
  } catch {
    return undefined;
  }
}
