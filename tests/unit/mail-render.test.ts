import { describe, expect, it } from "vitest";
import { renderConfirmation, renderOwnerNotice, safeSubject, type QuoteForMail } from "@/lib/mail/render";
import { escapeHtml } from "@/lib/text/escape-html";

const ctx = {
  siteName: "FS Dev",
  siteUrl: "https://www.fsdev.example/",
  ownerName: "Francois Schoeman",
  ownerRole: "Founder",
  contact: {},
  timeZone: "Africa/Johannesburg",
};

function quote(overrides: Partial<QuoteForMail> = {}): QuoteForMail {
  return {
    reference: "FS-2026-7KQ4MZ",
    name: "Ada Lovelace",
    email: "ada@example.test",
    company: "Analytical Engines Ltd",
    phone: "+27 21 555 0100",
    interestLabel: "SEO tooling",
    budget: "R50k – R100k",
    timeline: "Within 3 months",
    description: "We need a crawler.\nIt should find broken links.",
    referrerPath: "/services/seo-tools",
    utm: { utm_source: "newsletter", utm_campaign: "spring" },
    createdAt: new Date("2026-03-05T08:15:00Z"),
    consentVersion: "2026-01",
    promise: "You will hear from Francois by Thursday 5 March, 16:15 SAST.",
    ...overrides,
  };
}

const HOSTILE_NAME = `<script>alert(1)</script> "quotes" & 'apos'`;
const HOSTILE_ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt; &quot;quotes&quot; &amp; &#39;apos&#39;";

describe("renderOwnerNotice", () => {
  const mail = renderOwnerNotice(quote(), ctx);

  it("names the reference, the prospect and the interest in the subject", () => {
    expect(mail.subject).toBe("Quote request FS-2026-7KQ4MZ from Ada Lovelace (SEO tooling)");
  });

  it("lists every field with its label, the source page, utm tags and the time received, in both parts", () => {
    const expected = [
      "FS-2026-7KQ4MZ",
      "Ada Lovelace",
      "ada@example.test",
      "Analytical Engines Ltd",
      "+27 21 555 0100",
      "SEO tooling",
      "R50k – R100k",
      "Within 3 months",
      "We need a crawler.",
      "It should find broken links.",
      "https://www.fsdev.example/services/seo-tools",
      "utm_source=newsletter",
      "utm_campaign=spring",
      "2026-01",
    ];
    for (const value of expected) {
      expect(mail.text, value).toContain(value);
      expect(mail.html, value).toContain(value);
    }
    for (const label of [
      "Reference",
      "Name",
      "Email",
      "Company",
      "Phone",
      "Interested in",
      "Budget",
      "Timeline",
      "Project description",
      "Page before the form",
      "UTM tags",
      "Received",
    ]) {
      expect(mail.text).toContain(`${label}:`);
      expect(mail.html).toContain(`>${label}</th>`);
    }
    // 08:15 UTC is 10:15 in the business's zone (Johannesburg, UTC+2), labelled, and no raw UTC stamp.
    expect(mail.text).toContain("Received: 5 Mar 2026, 10:15 SAST");
    expect(mail.html).toContain("5 Mar 2026, 10:15 SAST");
    for (const part of [mail.text, mail.html]) expect(part).not.toContain("2026-03-05T08:15");
    const inLondon = renderOwnerNotice(quote(), { ...ctx, timeZone: "Europe/London" });
    expect(inLondon.text).toContain("Received: 5 Mar 2026, 08:15 GMT");
  });

  it("leaves out the utm row when there are no tags and says when optional fields were not given", () => {
    const bare = renderOwnerNotice(quote({ utm: {}, company: null, phone: null, referrerPath: null }), ctx);
    expect(bare.text).not.toContain("UTM tags");
    expect(bare.text).toContain("Company: (not given)");
    expect(bare.text).toContain("Page before the form: (unknown)");
  });

  it("is a small self-contained accessible HTML document", () => {
    expect(mail.html).toMatch(/^<!DOCTYPE html>\n<html lang="en">/);
    expect(mail.html).toContain("<title>Quote request FS-2026-7KQ4MZ from Ada Lovelace (SEO tooling)</title>");
    expect(mail.html).toContain('<th scope="row"');
    expect(mail.html).not.toMatch(/<img|<link|<script|url\(|src=/i);
    expect(mail.html).toContain("We need a crawler.<br>It should find broken links.");
  });
});

describe("renderConfirmation", () => {
  const mail = renderConfirmation(quote(), ctx);

  it("greets without the name; gives the reference, the options, what happens next, how to have data deleted", () => {
    expect(mail.subject).toBe("We received your quote request (FS-2026-7KQ4MZ)");
    for (const part of [mail.text, mail.html]) {
      expect(part).toMatch(/^(<!DOCTYPE[\s\S]*<p[^>]*>)?Hello,/);
      expect(part).toContain("FS-2026-7KQ4MZ");
      expect(part).toContain("SEO tooling");
      expect(part).toContain("Within 3 months");
      expect(part).toContain(part === mail.html ? escapeHtml("R50k – R100k") : "R50k – R100k");
      expect(part).toContain(
        "Francois Schoeman reads your request himself. You will hear from Francois by Thursday 5 March, 16:15 SAST.",
      );
      expect(part).toMatch(/corrected or deleted, reply to this email and quote your reference FS-2026-7KQ4MZ/);
      expect(part).toContain("https://www.fsdev.example/privacy");
    }
    expect(mail.html).toContain('<a href="https://www.fsdev.example/privacy"');
  });

  it("reads as the business's letter: thanks, a way back, and a signature with the owner's role and the site", () => {
    expect(mail.text).toContain("Thank you for asking FS Dev for a quote: your request has arrived safely.");
    expect(mail.text).toContain(
      "Questions in the meantime? Reply to this email: it goes straight to Francois Schoeman.",
    );
    expect(mail.text.trimEnd()).toMatch(
      /\nKind regards,\nFrancois Schoeman\nFounder, FS Dev\nhttps:\/\/www\.fsdev\.example$/,
    );
    expect(mail.html).toContain(
      'Kind regards,<br>Francois Schoeman<br>Founder, FS Dev<br><a href="https://www.fsdev.example"',
    );
    const withContact = renderConfirmation(quote(), {
      ...ctx,
      contact: { email: "hello@fsdev.example", phone: "+27 21 000 0000" },
    });
    expect(withContact.text).toContain("You can also write to hello@fsdev.example or call +27 21 000 0000.");
    const phoneOnly = renderConfirmation(quote(), { ...ctx, contact: { phone: "+27 21 000 0000" } });
    expect(phoneOnly.text).toContain("Francois Schoeman. You can also call +27 21 000 0000.");
  });

  it("offers BOOKING_URL as a plain link, {reference} replaced by the reference URL-encoded; none without it", () => {
    expect(mail.text).not.toContain("Book a call");
    const booked = renderConfirmation(quote({ reference: "FS-2026-A&B" }), {
      ...ctx,
      bookingUrl: "https://cal.example/fsdev?notes={reference}&ref={reference}",
    });
    const link = "https://cal.example/fsdev?notes=FS-2026-A%26B&ref=FS-2026-A%26B";
    expect(booked.text).toContain(`Book a call: ${link}`);
    expect(booked.html).toContain(`<a href="${escapeHtml(link)}"`);
    expect(booked.html).not.toContain("<script");
  });

  it("carries nothing a stranger typed: it goes to whatever address was entered", () => {
    const lure = quote({
      name: "Your mailbox is full, restore at mail-examp1e.net",
      company: "Mail Admin Team",
      phone: "+27 21 555 0199",
      description: "Restore access now at https://mail-examp1e.net/login before your mailbox is deleted.",
    });
    const rendered = renderConfirmation(lure, ctx);
    for (const part of [rendered.subject, rendered.text, rendered.html]) {
      for (const typed of ["mailbox is full", "mail-examp1e", "Mail Admin", "555 0199", "Restore access", "Lovelace"])
        expect(part).not.toContain(typed);
      expect(part).not.toContain(lure.email);
    }
    expect(rendered.text).not.toContain("utm_source");
    expect(rendered.text).not.toContain("Page before the form");
  });
});

describe("escaping and header safety", () => {
  const hostile = quote({
    name: HOSTILE_NAME,
    company: "<b>Evil & Co</b>",
    description: `Line one <img src=x onerror=alert(1)>\nLine "two" & 'three'`,
    utm: { utm_source: "<x>" },
  });

  it.each([["owner notice", renderOwnerNotice(hostile, ctx)]])(
    "%s: escapes every value in the HTML part and keeps it raw in the text part",
    (_kind, mail) => {
      expect(mail.html).toContain(HOSTILE_ESCAPED);
      expect(mail.html).toContain("&lt;b&gt;Evil &amp; Co&lt;/b&gt;");
      expect(mail.html).toContain(
        "Line one &lt;img src=x onerror=alert(1)&gt;<br>Line &quot;two&quot; &amp; &#39;three&#39;",
      );
      expect(mail.html).not.toContain("<script>");
      expect(mail.html).not.toContain("<img");
      expect(mail.html).not.toContain("<b>Evil");
      expect(mail.text).toContain(HOSTILE_NAME);
      expect(mail.text).toContain("<b>Evil & Co</b>");
      expect(mail.text).toContain(`Line "two" & 'three'`);
      expect(mail.text).not.toContain("&amp;");
    },
  );

  it("escapes the title too (the subject holds the visitor's name)", () => {
    expect(renderOwnerNotice(hostile, ctx).html).toContain(
      `<title>Quote request FS-2026-7KQ4MZ from ${HOSTILE_ESCAPED} (SEO tooling)</title>`,
    );
  });

  it("keeps a header injection attempt on one subject line", () => {
    const mail = renderOwnerNotice(quote({ name: "Eve\r\nBcc: x@evil.test\n\tX-Other: 1" }), ctx);
    expect(mail.subject).not.toMatch(/[\r\n\t]/);
    expect(mail.subject).toBe("Quote request FS-2026-7KQ4MZ from Eve Bcc: x@evil.test X-Other: 1 (SEO tooling)");
    // In the body the name cannot start a line of its own either.
    expect(mail.text).toContain("Name: Eve Bcc: x@evil.test X-Other: 1\n");
  });

  it("removes control and bidi characters from the subject and caps its length", () => {
    const bidi = "\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069";
    const subject = renderOwnerNotice(
      quote({ name: `Ada${bidi}Lovelace\u0000\u0007`, interestLabel: "x".repeat(300) }),
      ctx,
    ).subject;
    // eslint-disable-next-line no-control-regex -- looking for control characters is the point
    expect(subject).not.toMatch(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/);
    expect(subject).toMatch(/^Quote request FS-2026-7KQ4MZ from Ada Lovelace \(x+…$/);
    expect(Array.from(subject)).toHaveLength(150);
    expect(safeSubject("a\u202Eb")).toBe("a b");
    expect(safeSubject("  many \r\n\r\n  breaks  ")).toBe("many breaks");
    expect(Array.from(safeSubject("😀".repeat(200)))).toHaveLength(150); // cut between code points, not inside one
  });

  it("breaks RFC 2047 encoded words in the subject, so a mail client cannot decode one into it", () => {
    const subject = renderOwnerNotice(quote({ name: "=?utf-8?B?4oCuZmRwLmV4ZQ==?=" }), ctx).subject;
    expect(subject).not.toMatch(/=\?[^?]*\?[bq]\?[^?]*\?=/i);
    expect(subject).toContain("4oCuZmRwLmV4ZQ==");
    expect(safeSubject("a =?UTF-8?Q?=E2=80=AE?= b")).not.toContain("=?");
  });

  it("escapeHtml covers the five HTML-special characters", () => {
    expect(escapeHtml(`&<>"'`)).toBe("&amp;&lt;&gt;&quot;&#39;");
  });
});
