import { describe, expect, it } from "vitest";
import { describeErasure } from "@/lib/leads/erase";
import { describeDelivery } from "@/lib/mail/outbox-status";
import { plural } from "@/lib/text/plural";

describe("plural", () => {
  it("uses the singular for exactly one and the plural for every other count", () => {
    expect(plural(1, "lead", "leads")).toBe("1 lead");
    expect(plural(0, "lead", "leads")).toBe("0 leads");
    expect(plural(3, "timeline entry", "timeline entries")).toBe("3 timeline entries");
  });

  it("leaves no '(s)' in the erasure summary or a failed email's line", () => {
    const inFlight = { delivered: 0, unsettled: 1 };
    const one = describeErasure({
      requests: 1,
      messages: 1,
      files: 1,
      notes: 1,
      signIns: 1,
      privacyRequests: 0,
      inFlight,
    });
    expect(one).toBe(
      "1 request, 1 email, 1 mail file; the address redacted in 1 note on other leads; 1 pending sign-in row." +
        " 1 message was still being sent when erasure stopped waiting: it may have been delivered.",
    );
    const many = describeErasure({
      requests: 2,
      messages: 0,
      files: 3,
      notes: 0,
      signIns: 0,
      privacyRequests: 0,
      inFlight,
    });
    expect(many).toMatch(/^2 requests, 0 emails, 3 mail files\./);
    const failed = { status: "failed", attempts: 1, lastError: "refused", sentAt: null, nextAttemptAt: new Date() };
    expect(describeDelivery(failed, String)).toBe("failed after 1 attempt: refused");
  });
});
