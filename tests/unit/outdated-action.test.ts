// A quote form from an older build (lib/server/outdated-action.ts): its unknown action id becomes this build's
// quote action id, in both shapes of a post, and the request is stamped; nothing else is touched.
import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { QUOTE_ACTION } from "@/lib/quotes/form-context";
import { actionIdsOf, OUTDATED_ACTION_HEADER, reviveOutdatedAction } from "@/lib/server/outdated-action";
import { readStamp } from "@/lib/server/peer-stamp";
import { QUOTE_PATH } from "@/lib/routes";

const QUOTE_ID = `60${"1".repeat(40)}`;
const DESK_ID = `7f${"2".repeat(40)}`;
const OLD_ID = `60${"9".repeat(40)}`;
const ids = actionIdsOf({
  node: {
    [QUOTE_ID]: { workers: {}, ...QUOTE_ACTION },
    [DESK_ID]: { workers: {}, filename: "app/(desk)/desk/actions/erase.ts", exportedName: "eraseAction" },
  },
  edge: {},
})!;

async function multipart(fields: [string, string][]): Promise<{ body: Buffer; type: string }> {
  const form = new FormData();
  for (const [name, value] of fields) form.append(name, value);
  const request = new Request("http://localhost/", { method: "POST", body: form });
  return { body: Buffer.from(await request.arrayBuffer()), type: request.headers.get("content-type")! };
}

const request = (headers: Record<string, string>, url = QUOTE_PATH, method = "POST") =>
  ({ method, url, headers: { ...headers } }) as unknown as IncomingMessage;

/** The no-JS post of the quote form (useActionState with a permalink), with the given action id. */
const noScriptFields = (id: string, description = "A project description long enough to pass."): [string, string][] => [
  ["$ACTION_REF_1", ""],
  ["$ACTION_1:0", JSON.stringify({ id, bound: "$@1" })],
  ["$ACTION_1:1", '[{"status":"idle"}]'],
  ["$ACTION_KEY", `p${QUOTE_PATH}`],
  ["name", "Ada Lovelace"],
  ["description", description],
];

const fieldsOf = async (body: Buffer, type: string) => [
  ...(await new Request("http://localhost/", {
    method: "POST",
    body: new Uint8Array(body),
    headers: { "content-type": type },
  }).formData()),
];

describe("a form from an older build", () => {
  it("finds this build's quote action and every id in the manifest", () => {
    expect(ids.quote).toBe(QUOTE_ID);
    expect([...ids.known].sort()).toEqual([QUOTE_ID, DESK_ID].sort());
    expect(actionIdsOf({ node: { [DESK_ID]: { filename: "x.ts", exportedName: "x" } } })).toBeNull();
    expect(actionIdsOf(null)).toBeNull();
  });

  it("without JavaScript: the unknown id in the body becomes the quote action's, same length, stamped", async () => {
    const { body, type } = await multipart(noScriptFields(OLD_ID));
    const incoming = request({ "content-type": type });
    const revised = reviveOutdatedAction(incoming, body, ids);
    expect(revised.length).toBe(body.length);
    const fields = Object.fromEntries(await fieldsOf(revised, type));
    expect(JSON.parse(fields["$ACTION_1:0"] as string)).toEqual({ id: QUOTE_ID, bound: "$@1" });
    expect(fields.name).toBe("Ada Lovelace");
    expect(readStamp(incoming.headers[OUTDATED_ACTION_HEADER] as string)).toBe("1");
  });

  it("a plain action field ($ACTION_ID_<id>) too", async () => {
    const { body, type } = await multipart([
      [`$ACTION_ID_${OLD_ID}`, ""],
      ["name", "Ada"],
    ]);
    const incoming = request({ "content-type": type });
    const fields = await fieldsOf(reviveOutdatedAction(incoming, body, ids), type);
    expect(fields.map(([name]) => name)).toEqual([`$ACTION_ID_${QUOTE_ID}`, "name"]);
    expect(incoming.headers[OUTDATED_ACTION_HEADER]).toBeDefined();
  });

  it("with JavaScript: the unknown Next-Action header becomes the quote action's, stamped", () => {
    const incoming = request({ "next-action": OLD_ID, "content-type": "text/plain;charset=UTF-8" });
    const body = Buffer.from('["$K1"]');
    expect(reviveOutdatedAction(incoming, body, ids)).toBe(body);
    expect(incoming.headers["next-action"]).toBe(QUOTE_ID);
    expect(readStamp(incoming.headers[OUTDATED_ACTION_HEADER] as string)).toBe("1");
  });

  it("leaves known ids, other pages, other methods and look-alikes in the visitor's own text alone", async () => {
    for (const id of [QUOTE_ID, DESK_ID]) {
      const { body, type } = await multipart(noScriptFields(id));
      const incoming = request({ "content-type": type });
      expect(reviveOutdatedAction(incoming, body, ids)).toBe(body);
      expect(incoming.headers[OUTDATED_ACTION_HEADER]).toBeUndefined();
      const fetched = request({ "next-action": id });
      reviveOutdatedAction(fetched, Buffer.from("[]"), ids);
      expect(fetched.headers["next-action"]).toBe(id);
    }
    const { body, type } = await multipart(noScriptFields(OLD_ID));
    for (const incoming of [request({ "content-type": type }, "/desk"), request({ "content-type": type }, "/", "PUT")])
      expect(reviveOutdatedAction(incoming, body, ids)).toBe(body);
    // An unknown id of another length is no id Next.js makes: left for Next.js to refuse.
    const odd = request({ "next-action": "abc" });
    reviveOutdatedAction(odd, Buffer.from("[]"), ids);
    expect(odd.headers["next-action"]).toBe("abc");
    // The visitor's description quoting an id stays as typed.
    const quoted = await multipart(noScriptFields(QUOTE_ID, `See {"id":"${OLD_ID}"} and $ACTION_ID_${OLD_ID} here.`));
    const incoming = request({ "content-type": quoted.type });
    expect(reviveOutdatedAction(incoming, quoted.body, ids)).toBe(quoted.body);
  });

  it("a malformed action reference is left for Next.js to refuse", async () => {
    const { body, type } = await multipart([
      ["$ACTION_1:0", "{not json"],
      ["name", "Ada"],
    ]);
    expect(reviveOutdatedAction(request({ "content-type": type }), body, ids)).toBe(body);
  });
});
