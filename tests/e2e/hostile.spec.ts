// Hostile input through the real server action: each case is posted as multipart form data to a running
// production server, exactly as a browser without JavaScript (or a bot) would. Every case must end in a
// field-level error or a safe stored row; never a 500, a stack trace, a half-written row, or markup or a
// header that reaches an email unescaped.
import { createRequire } from "node:module";
import { expect, test } from "@playwright/test";
import { escapeHtml } from "@/lib/text/escape-html";
import { quoteForm } from "@/content/quote-form";
import { FORM_PATH, POSTED_PATH_HEADER } from "@/lib/quotes/form-context";
import { issueFormToken } from "@/lib/quotes/form-token";
import { e2eEnv } from "../../playwright.config";
import { formHiddenFields } from "../helpers/form-html";
import { multipartHead, rawPost } from "../helpers/raw-http";
import { parseMail, partOf } from "../helpers/smtp-server";
import { postForm, renderedForm } from "../helpers/form-post";
import { mailsMentioning, storedRequests } from "../helpers/e2e-server";
import { cases, fields, FREE_TEXT } from "../fixtures/hostile-corpus";
import { pastMinimumFillTime } from "../helpers/pace";

const { encodeReply } = createRequire(import.meta.url)("next/dist/compiled/react-server-dom-webpack/client.node") as {
  encodeReply: (value: unknown) => Promise<FormData | string>;
};

test.describe.configure({ mode: "serial" });

test(`hostile corpus: ${cases.length} cases through the real server action`, async ({ request, baseURL }) => {
  test.setTimeout(180_000);
  const origin = new URL(baseURL!).origin;
  // Render every form first, then wait once past the minimum fill time (1 s in the e2e run).
  const rendered = [];
  for (let i = 0; i < cases.length; i++) {
    const ip = `198.51.${100 + Math.floor(i / 200)}.${(i % 200) + 1}`;
    rendered.push({ ip, hidden: await renderedForm(request, ip) });
  }
  await pastMinimumFillTime(1_200);

  const mailChecks: { reference: string; values: string[]; typed: string[] }[] = [];
  for (const [i, item] of cases.entries()) {
    const { ip, hidden } = rendered[i]!;
    // A case that posts its own token replaces the rendered one.
    const own = new Set(item.fields.map(([name]) => name));
    const hiddenFields = Object.fromEntries(Object.entries(hidden).filter(([name]) => !own.has(name)));
    const before = storedRequests().length;
    const response = await postForm(request, { ip, origin, hidden: hiddenFields, fields: item.fields });
    const html = await response.text();
    const label = `case "${item.title}"`;

    expect(response.status(), label).not.toBe(500);
    expect(html, label).not.toMatch(/\n\s+at [\w.<>]+ \(|Internal Server Error|node_modules/);
    expect(html, label).not.toContain("<script>alert('x')</script>");
    const after = storedRequests();

    if (item.expect.kind === "refused") {
      expect(response.status(), label).toBe(item.expect.code);
      expect(after.length, label).toBe(before);
      continue;
    }
    expect(response.status(), label).toBe(200);
    if (item.expect.kind === "error") {
      expect(after.length, `${label}: nothing stored`).toBe(before);
      const shown = [...html.matchAll(/data-testid="error-([a-z]+)"/g)].map((match) => match[1]).sort();
      expect(shown, label).toEqual([...item.expect.fields].sort());
      continue;
    }
    expect(after.length, `${label}: one row`).toBe(before + 1);
    const row = after[after.length - 1]!;
    const reference = /data-testid="quote-reference">([^<]+)</.exec(html)?.[1];
    expect(reference, `${label}: success shown`).toBe(row.reference);
    expect(row.status, label).toBe(item.expect.status ?? "new");
    if (item.expect.name) expect(row.name, label).toBe(item.expect.name);
    if (item.expect.email) expect(row.email, label).toBe(item.expect.email);
    if (item.expect.company) expect(row.company, label).toBe(item.expect.company);
    item.expect.check?.(row);
    if (row.status === "new")
      mailChecks.push({
        reference: row.reference,
        values: item.fields.map(([, value]) => (typeof value === "string" ? value : "")),
        // The free text a stranger typed, as posted and as stored (normalised).
        typed: [
          ...item.fields
            .filter(([name, value]) => FREE_TEXT.includes(name) && typeof value === "string")
            .map(([, value]) => value as string),
          row.name,
          row.company ?? "",
          row.description,
        ].filter((value) => value.trim().length > 2),
      });
  }

  let confirmations = 0;
  // Every email of a stored request: both parts present, user markup escaped in HTML, no injected headers.
  for (const check of mailChecks) {
    const mails = await mailsMentioning(check.reference, 2);
    for (const raw of mails) {
      const mail = parseMail(raw);
      expect(mail.headerNames.filter((name) => name === "bcc" || name === "cc")).toEqual([]);
      expect(mail.headerNames.filter((name) => name === "subject")).toHaveLength(1);
      expect(mail.headers.subject).not.toMatch(/[\r\n]/);
      const html = partOf(mail, "text/html");
      expect(partOf(mail, "text/plain")).toContain(check.reference);
      for (const value of check.values.filter((v) => /[<>]/.test(v))) {
        expect(html, `${check.reference}: ${value.slice(0, 40)}`).not.toContain(value);
      }
      expect(html).not.toMatch(/<(script|iframe|img)\b/i);
      // The confirmation goes to whatever address was typed: it carries nothing else the stranger wrote.
      if (mail.headers.to?.includes("owner@fsdev.test")) continue;
      for (const part of [partOf(mail, "text/plain"), html, mail.headers.subject ?? ""]) {
        for (const value of check.typed) {
          const label = `${check.reference}: the confirmation repeats "${value.slice(0, 40)}"`;
          expect(part, label).not.toContain(value.trim());
          expect(part, label).not.toContain(escapeHtml(value.trim()));
        }
      }
      confirmations += 1;
    }
  }
  expect(confirmations, "every stored request's confirmation was checked").toBe(mailChecks.length);
  // No spam was mailed.
  for (const row of storedRequests("status = 'spam'")) {
    await expect.poll(async () => (await mailsMentioning(row.reference, 0)).length).toBe(0);
  }
});

test("a forged action id is refused without a 500 and stores nothing", async ({ request, baseURL }) => {
  const ip = "198.51.110.1";
  const hidden = await renderedForm(request, ip);
  const forged = Object.fromEntries(
    Object.entries(hidden).map(([name, value]) => [
      name,
      name.endsWith(":0") ? value.replace(/"id":"[0-9a-f]+"/, `"id":"${"ab".repeat(21)}"`) : value,
    ]),
  );
  const before = storedRequests().length;
  const response = await postForm(request, { ip, origin: new URL(baseURL!).origin, hidden: forged, fields: fields() });
  expect(response.status()).toBeLessThan(500);
  expect(await response.text()).not.toMatch(/\n\s+at |node_modules/);
  expect(storedRequests().length).toBe(before);
});

test("a post from another site is refused with 403", async ({ request }) => {
  const ip = "198.51.110.2";
  const hidden = await renderedForm(request, ip);
  const before = storedRequests().length;
  const response = await postForm(request, { ip, origin: "https://evil.example", hidden, fields: fields() });
  expect(response.status()).toBe(403);
  expect(storedRequests().length).toBe(before);
});

test("the server action's response carries the security headers too", async ({ request, baseURL }) => {
  const ip = "198.51.110.3";
  const hidden = await renderedForm(request, ip);
  const response = await postForm(request, { ip, origin: new URL(baseURL!).origin, hidden, fields: [] });
  const headers = response.headers();
  expect(headers["content-security-policy"]).toContain("form-action 'self'");
  expect(headers["content-security-policy"]).toContain("base-uri 'self'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["strict-transport-security"]).toContain("max-age=");
  expect(headers["referrer-policy"]).toBeTruthy();
  expect(headers["permissions-policy"]).toBeTruthy();
});

test("confirmations are capped per mailbox, however the address is written; the owner hears of every request", async ({
  request,
  baseURL,
}) => {
  const origin = new URL(baseURL!).origin;
  // One mailbox written five ways: case in the local part and the domain, and a +tag.
  const addresses = [
    "Victim@capped.example.net",
    "VICTIM@capped.example.net",
    "vIcTiM@CAPPED.EXAMPLE.NET",
    "victim+quote@capped.example.net",
    "victim@capped.example.net",
  ];
  const hidden = [];
  for (const [i] of addresses.entries()) hidden.push(await renderedForm(request, `198.51.111.${i + 1}`));
  await pastMinimumFillTime(1_200);
  const references: string[] = [];
  for (const [i, email] of addresses.entries()) {
    const response = await postForm(request, {
      ip: `198.51.111.${i + 1}`,
      origin,
      hidden: hidden[i]!,
      fields: fields({ email, name: `Capped Sender ${i}` }),
    });
    const reference = /data-testid="quote-reference">([^<]+)</.exec(await response.text())?.[1];
    expect(reference, email).toBeTruthy();
    references.push(reference!);
  }
  // Every request reaches the owner; the mailbox gets the first three confirmations only.
  let confirmations = 0;
  for (const [i, reference] of references.entries()) {
    const mails = await mailsMentioning(reference, i < 3 ? 2 : 1);
    expect(mails.filter((raw) => /^To: owner@fsdev\.test/m.test(raw))).toHaveLength(1);
    confirmations += mails.filter((raw) => /^To: .*victim.*@capped\.example\.net/im.test(raw)).length;
  }
  expect(confirmations).toBe(3);
});

test("sent again at once as the page asks, a form without cookies or left open ends as a normal, mailed lead", async ({
  playwright,
  baseURL,
}) => {
  const origin = new URL(baseURL!).origin;
  const cases = [
    { label: "no cookies", ip: "198.51.112.1", token: undefined, says: quoteForm.unconfirmed },
    {
      label: "left open",
      ip: "198.51.112.2",
      // A genuine token from 25 hours ago (the e2e server's secret).
      token: issueFormToken(e2eEnv.FORM_SECRET, new Date(Date.now() - 25 * 3600_000)),
      says: quoteForm.expired,
    },
  ];
  for (const { label, ip, token, says } of cases) {
    // A client that keeps no cookies: every request from a new context with an empty jar.
    const client = () => playwright.request.newContext({ baseURL });
    const loader = await client();
    const load = await loader.get("/quote", { headers: { "X-Forwarded-For": ip } });
    const { formToken: _kept, ...hidden } = formHiddenFields(
      await load.text(),
      load
        .headersArray()
        .filter((header) => header.name.toLowerCase() === "set-cookie")
        .map((header) => header.value),
    );
    await loader.dispose();
    const name = `Sent Again ${label} ${Date.now().toString(36)}`;
    const values = fields({ name });
    const first = await postForm(await client(), {
      ip,
      origin,
      hidden: token ? { ...hidden, formToken: token } : hidden,
      fields: values,
    });
    const page = await first.text();
    expect(page, label).toContain(says.slice(0, 30));
    expect(storedRequests("name = ?", name), label).toHaveLength(0);
    // Within a second, as a person who reads "send again" and presses the button.
    const again = await postForm(await client(), {
      ip,
      origin,
      hidden: formHiddenFields(page),
      fields: values,
    });
    expect(again.status(), label).toBe(200);
    const rows = storedRequests("name = ?", name);
    expect(rows, label).toHaveLength(1);
    expect(rows[0]!.status, label).toBe("new");
    expect(await mailsMentioning(rows[0]!.reference, 2), label).toHaveLength(2);
  }
});

test("the quote action takes a quote only on the form's page, posted either way, whatever path header is sent", async ({
  request,
  baseURL,
}) => {
  const origin = new URL(baseURL!).origin;
  const ip = "198.51.112.9";
  const hidden = await renderedForm(request, ip);
  const actionId = /"id":"([0-9a-f]+)"/.exec(Object.values(hidden).join(" "))?.[1];
  expect(actionId, "the quote action's id in the rendered form").toBeTruthy();
  // A forged copy of the stamp proxy.ts sets: replaced by the real path.
  const headers = { "X-Forwarded-For": ip, Origin: origin, [POSTED_PATH_HEADER]: FORM_PATH };
  const values = (name: string) => {
    const form = new FormData();
    for (const [key, value] of fields({ name })) if (typeof value === "string") form.append(key, value);
    form.append("formToken", hidden.formToken!);
    return form;
  };
  const posts = {
    // As a browser without JavaScript: multipart to the page, the action named in the body.
    plain: (path: string, name: string) => {
      const form = values(name);
      for (const [key, value] of Object.entries(hidden)) if (key !== "formToken") form.append(key, value);
      return request.post(path, { multipart: form, headers, maxRedirects: 0 });
    },
    // As React does with JavaScript: the action's id in a header, its arguments encoded in the body.
    script: async (path: string, name: string) => {
      const body = await encodeReply([{ status: "idle" }, values(name)]);
      return request.post(path, {
        headers: { ...headers, "Next-Action": actionId!, Accept: "text/x-component" },
        ...(typeof body === "string" ? { data: body } : { multipart: body }),
        maxRedirects: 0,
      });
    },
  };
  const stamp = Date.now().toString(36);
  for (const [way, post] of Object.entries(posts)) {
    for (const path of ["/", "/desk/sign-in", "/services"]) {
      const name = `Wrong Page ${way} ${path.replace(/\W/g, "") || "home"} ${stamp}`;
      const response = await post(path, name);
      expect(response.status(), `${way} ${path}`).toBeLessThan(500);
      expect(storedRequests("name = ?", name), `${way} ${path}`).toHaveLength(0);
    }
    // The same form, the same token, on its own page: stored.
    const name = `Right Page ${way} ${stamp}`;
    expect((await post(FORM_PATH, name)).status(), way).toBe(200);
    expect(storedRequests("name = ?", name), way).toHaveLength(1);
  }
});

test.describe("request bodies over the limit are refused early, with the 413 page", () => {
  const boundary = "----hostile-boundary-7c1f";
  async function formStart(request: Parameters<typeof renderedForm>[0], ip: string) {
    const hidden = await renderedForm(request, ip);
    return multipartHead(
      { ...hidden, ...Object.fromEntries(fields().filter(([name]) => name !== "description")) } as Record<
        string,
        string
      >,
      boundary,
    );
  }
  const headers = (baseURL: string, ip: string) => ({
    "content-type": `multipart/form-data; boundary=${boundary}`,
    origin: new URL(baseURL).origin,
    "x-forwarded-for": ip,
    accept: "text/html",
  });
  const port = (baseURL: string) => Number(new URL(baseURL).port);

  test("a 5 MB chunked body without Content-Length", async ({ request, baseURL }) => {
    const ip = "198.51.113.1";
    const before = storedRequests().length;
    const answer = await rawPost({
      port: port(baseURL!),
      path: "/quote",
      headers: headers(baseURL!, ip),
      head: await formStart(request, ip),
      fillerBytes: 5 * 1024 * 1024,
      tail: Buffer.from(`\r\n--${boundary}--\r\n`),
      chunked: true,
    });
    expect(answer.status).toBe(413);
    expect(answer.body).toContain("larger than the form allows");
    expect(answer.body).toContain('href="/quote"');
    expect(answer.headers["content-type"]).toContain("text/html");
    expect(storedRequests().length).toBe(before);
  });

  test("a chunked body is answered once it passes the limit, not when it ends", async ({ request, baseURL }) => {
    const ip = "198.51.113.2";
    const answer = await rawPost({
      port: port(baseURL!),
      path: "/quote",
      headers: headers(baseURL!, ip),
      head: await formStart(request, ip),
      fillerBytes: 25 * 1024 * 1024,
      chunked: true,
      // The client stops after 256 KB and waits: the server must not wait for the rest.
      stallAfterBytes: 256 * 1024,
      waitMs: 8_000,
    });
    expect(answer.status).toBe(413);
    expect(answer.body).toContain("larger than the form allows");
    expect(answer.bodyBytesSentBeforeAnswer).toBeLessThanOrEqual(256 * 1024);
  });

  test("a 25 MB Content-Length is answered at once, before the body is sent", async ({ request, baseURL }) => {
    const ip = "198.51.113.3";
    const answer = await rawPost({
      port: port(baseURL!),
      path: "/quote",
      headers: headers(baseURL!, ip),
      head: await formStart(request, ip),
      fillerBytes: 25 * 1024 * 1024,
      // Only 1 MB of the announced 25 MB is sent, then the client waits.
      stallAfterBytes: 1024 * 1024,
      waitMs: 8_000,
    });
    expect(answer.status).toBe(413);
    expect(answer.body).toContain("larger than the form allows");
    // The server closes the connection instead of reading 24 MB more.
    expect(answer.headers.connection).toBe("close");
  });

  test("a form just under the limit still goes through", async ({ request, baseURL }) => {
    const ip = "198.51.113.4";
    const hidden = await renderedForm(request, ip);
    await pastMinimumFillTime();
    const response = await postForm(request, {
      ip,
      origin: new URL(baseURL!).origin,
      hidden,
      fields: fields({ description: "€".repeat(5000), company: "€".repeat(120), name: "€".repeat(100) }),
    });
    expect(response.status()).toBe(200);
    expect(await response.text()).toContain('data-testid="quote-reference"');
  });
});
