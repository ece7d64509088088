// The response promise: its sentence is content with a {due} placeholder that is checked like every piece of
// content (an unknown or missing placeholder fails, naming the file and field), and the pipeline fills it from
// the stored arrival time, for the action's result and the confirmation alike.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { quoteForm } from "@/content/quote-form";
import { fillTemplate, placeholdersIn } from "@/lib/content/placeholders";
import type { Db } from "@/lib/db/client";
import { validateQuoteCopy } from "@/lib/quotes/catalog";
import { issueFormToken } from "@/lib/quotes/form-token";
import { submitQuote } from "@/lib/quotes/submit";
import { SECRET, testEnv, testMail, validSubmission } from "../helpers/quote-fixtures";
import { migratedDb } from "../helpers/test-databases";

const withPromise = (promise: string) => ({ ...quoteForm, success: { ...quoteForm.success, promise } });

describe("the promise's sentence", () => {
  it("accepts {due}, and refuses an unknown or a missing placeholder naming the file and the field", () => {
    expect(validateQuoteCopy(withPromise("Expect an answer by {due}.")).success.promise).toBe(
      "Expect an answer by {due}.",
    );
    expect(() => validateQuoteCopy(withPromise("Expect an answer by {due}, {name}."))).toThrow(
      new RegExp(
        String.raw`content/quote-form\.ts:\n {2}- field "success\.promise": ` +
          String.raw`unknown placeholder \{name\} \(this text may use \{due\}\)`,
      ),
    );
    expect(() => validateQuoteCopy(withPromise("Expect an answer soon."))).toThrow(
      /field "success\.promise": must contain \{due\}/,
    );
  });

  it("finds and fills placeholders", () => {
    expect(placeholdersIn("{due} and {due}, {x}")).toEqual(["due", "x"]);
    expect(fillTemplate("by {due}.", { due: "Monday 7 December, 16:00 SAST" })).toBe(
      "by Monday 7 December, 16:00 SAST.",
    );
  });
});

describe("the pipeline", () => {
  let db: Db;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ db, cleanup } = await migratedDb("response-promise"));
  }, 60_000);
  afterAll(async () => cleanup());

  it("returns the promise for the stored arrival time and puts the same sentence in the confirmation", async () => {
    // Friday 4 December 2026, 16:59 SAST: one business minute on Friday, the rest on Monday: due 15:59.
    const now = new Date("2026-12-04T14:59:00Z");
    const raw = validSubmission({ formToken: issueFormToken(SECRET, new Date(now.getTime() - 30_000)) });
    const deps = { db, env: testEnv, mail: testMail, now: () => now };
    const meta = { ip: "203.0.113.9", userAgent: "vitest" };
    const result = await submitQuote(raw, meta, deps);
    expect(result).toMatchObject({
      status: "ok",
      spam: false,
      promise: "You will hear from Francois by Monday 7 December, 15:59 SAST.",
    });
    const confirmation = await db.outboxMessage.findFirstOrThrow({ where: { kind: "prospect_confirmation" } });
    expect(confirmation.textBody).toContain(
      "reads your request himself. You will hear from Francois by Monday 7 December, 15:59 SAST.",
    );
    // The same form sent again after closing time: the first request's promise (counted from its arrival).
    const again = await submitQuote(raw, meta, { ...deps, now: () => new Date("2026-12-04T15:00:30Z") });
    expect(again).toMatchObject({
      status: "ok",
      duplicate: true,
      promise: "You will hear from Francois by Monday 7 December, 15:59 SAST.",
    });
  });
});
