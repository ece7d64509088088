import { expect, test } from "@playwright/test";
import { fillValid, mailsMentioning, storedRequests, uniqueIp, uniqueName } from "../helpers/e2e-server";
import { pastMinimumFillTime } from "../helpers/pace";

test.beforeEach(async ({ context }) => {
  await context.setExtraHTTPHeaders({ "X-Forwarded-For": uniqueIp() });
});

test("with JavaScript: a valid request shows the reference that the stored row and both emails carry", async ({
  page,
}) => {
  const name = uniqueName("Ada JS");
  await page.goto("/quote");
  // Beside the form, the steps after sending: the one list of them on the page.
  const stepLists = page.locator("main ol").filter({ visible: true });
  await expect(stepLists).toHaveCount(1);
  await fillValid(page, name);
  await page.getByRole("button", { name: "Send request" }).click();
  const success = page.getByTestId("quote-success");
  await expect(success).toBeVisible();
  // The next steps once: in the success screen, with the aside that also lists them gone.
  await expect(stepLists).toHaveCount(1);
  await expect(success.locator("ol")).toBeVisible();
  await expect(page.getByRole("heading", { name: /your request is in/i })).toBeFocused();
  const reference = (await page.getByTestId("quote-reference").textContent())!.trim();
  expect(reference).toMatch(/^FS-\d{4}-[0-9A-Z]{6}$/);
  // No BOOKING_URL on this server: no "Book a call" (the fixture site has one: fixture-site.spec.ts).
  await expect(page.getByTestId("book-call")).toHaveCount(0);

  const rows = storedRequests("name = ?", name);
  expect(rows).toHaveLength(1);
  expect(rows[0]).toMatchObject({
    reference,
    status: "new",
    interest: "product:straider-ai",
    email: "prospect@example.com",
  });
  const mails = await mailsMentioning(reference, 2);
  expect(
    mails.some((raw) => /^To: owner@fsdev\.test/m.test(raw) && /^Reply-To: prospect@example\.com/m.test(raw)),
  ).toBe(true);
  expect(mails.some((raw) => /^To: prospect@example\.com/m.test(raw))).toBe(true);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a plain form post stores the request and shows its reference", async ({ page }) => {
    const name = uniqueName("Ada NoJS");
    await page.goto("/quote");
    await fillValid(page, name);
    await page.getByRole("button", { name: "Send request" }).click();
    await expect(page.getByTestId("quote-success")).toBeVisible();
    // The next steps once, in the success screen.
    await expect(page.locator("main ol").filter({ visible: true })).toHaveCount(1);
    await expect(page.getByTestId("quote-success").locator("ol")).toBeVisible();
    const reference = (await page.getByTestId("quote-reference").textContent())!.trim();
    expect(storedRequests("name = ?", name).map((row) => row.reference)).toEqual([reference]);
    await mailsMentioning(reference, 2);
  });

  test("an invalid post keeps every value and shows every error", async ({ page }) => {
    await page.goto("/quote");
    await page.getByLabel(/Your name/).fill("Grace NoJS");
    await page.getByLabel(/Email address/).fill("grace@invalid");
    await page.getByLabel(/About the project/).fill("short");
    await page.getByRole("button", { name: "Send request" }).click();
    await expect(page.getByTestId("form-status")).toContainText("Please correct");
    await expect(page.getByLabel(/Your name/)).toHaveValue("Grace NoJS");
    await expect(page.getByLabel(/Email address/)).toHaveValue("grace@invalid");
    await expect(page.getByLabel(/About the project/)).toHaveValue("short");
    for (const field of ["email", "interest", "budget", "timeline", "description", "consent"]) {
      await expect(page.getByTestId(`error-${field}`)).toBeVisible();
    }
    expect(storedRequests("name = ?", "Grace NoJS")).toHaveLength(0);
  });
});

test("an invalid submit keeps every value, marks each field and moves focus to the first problem", async ({ page }) => {
  await page.goto("/quote");
  const name = uniqueName("Grace");
  await page.getByLabel(/Your name/).fill(name);
  await page.getByLabel(/Email address/).fill("not-an-email");
  await page.getByLabel(/Company/).fill("Compilers Inc");
  await page.getByLabel(/Phone number/).fill("call me");
  await page.getByLabel(/What can we help with/).selectOption({ label: "Shopify SEO Fixer" });
  await page.getByLabel(/Budget range/).selectOption({ index: 1 });
  await page.getByLabel(/About the project/).fill("Too short");
  await page.getByRole("button", { name: "Send request" }).click();

  const email = page.getByLabel(/Email address/);
  await expect(email).toBeFocused();
  await expect(email).toHaveAttribute("aria-invalid", "true");
  await expect(email).toHaveAttribute("aria-describedby", /quote-email-error/);
  await expect(page.getByTestId("error-email")).toContainText("valid email");
  await expect(page.getByTestId("error-phone")).toBeVisible();
  await expect(page.getByTestId("error-timeline")).toBeVisible();
  await expect(page.getByTestId("error-description")).toContainText("20 characters");
  await expect(page.getByTestId("error-consent")).toBeVisible();
  await expect(page.getByTestId("error-name")).toHaveCount(0);
  await expect(page.getByTestId("form-status")).toHaveAttribute("aria-live", "polite");

  await expect(page.getByLabel(/Your name/)).toHaveValue(name);
  await expect(email).toHaveValue("not-an-email");
  await expect(page.getByLabel(/Company/)).toHaveValue("Compilers Inc");
  await expect(page.getByLabel(/Phone number/)).toHaveValue("call me");
  await expect(page.getByLabel(/What can we help with/)).toHaveValue("product:shopify-seo-fixer");
  await expect(page.getByLabel(/Budget range/)).not.toHaveValue("");
  await expect(page.getByLabel(/About the project/)).toHaveValue("Too short");
  expect(storedRequests("name = ?", name)).toHaveLength(0);

  // Fixing the fields and sending again succeeds with the same form.
  await email.fill("grace@example.com");
  await page.getByLabel(/Phone number/).fill("");
  await page.getByLabel(/When would you like to start/).selectOption({ index: 2 });
  await page.getByLabel(/About the project/).fill("A compiler dashboard for our whole team, please.");
  await page.getByLabel(/I agree/).check();
  await page.getByRole("button", { name: "Send request" }).click();
  await expect(page.getByTestId("quote-success")).toBeVisible();
  expect(storedRequests("name = ? AND status = 'new'", name)).toHaveLength(1);
});

test("while sending, the button is disabled: a double click posts once and stores one row", async ({ page }) => {
  const name = uniqueName("Double");
  await page.goto("/quote");
  await fillValid(page, name);
  // Hold the action's request back until the second click is done, so that click lands while the first is pending.
  const posts: string[] = [];
  let secondClickDone = () => {};
  const held = new Promise<void>((resolve) => (secondClickDone = resolve));
  await page.route("**/quote", async (route) => {
    if (route.request().method() === "POST") {
      posts.push(route.request().url());
      await held;
    }
    await route.continue();
  });
  const button = page.getByRole("button", { name: "Send request" });
  await button.click();
  await expect(page.getByRole("button", { name: "Sending…" })).toBeDisabled();
  await page
    .getByRole("button", { name: "Sending…" })
    .click({ force: true })
    .catch(() => {});
  secondClickDone();
  await expect(page.getByTestId("quote-success")).toBeVisible();
  expect(posts).toHaveLength(1);
  expect(storedRequests("name = ?", name)).toHaveLength(1);
});

test("'Send another request' after a success shows a fresh, empty form", async ({ page }) => {
  await page.goto("/quote");
  await fillValid(page, uniqueName("First"));
  await page.getByRole("button", { name: "Send request" }).click();
  await expect(page.getByTestId("quote-success")).toBeVisible();
  await page.getByRole("link", { name: "Send another request" }).click();
  await expect(page.getByTestId("quote-form")).toBeVisible();
  await expect(page.getByLabel(/Your name/)).toHaveValue("");
  const second = uniqueName("Second");
  await fillValid(page, second);
  await page.getByRole("button", { name: "Send request" }).click();
  await expect(page.getByTestId("quote-success")).toBeVisible();
  expect(storedRequests("name = ? AND status = 'new'", second)).toHaveLength(1);
});

test("a service page's call to action preselects that service, and the request records where it came from", async ({
  page,
}) => {
  await page.goto("/services/seo-tooling");
  await page.locator("main").getByRole("link", { name: "Request a quote" }).first().click();
  await expect(page).toHaveURL(/\/quote\?interest=service%3Aseo-tooling/);
  await expect(page.getByLabel(/What can we help with/)).toHaveValue("service:seo-tooling");
  // The request records the page it came from.
  const name = uniqueName("From SEO page");
  await fillValid(page, name);
  await page.getByLabel(/What can we help with/).selectOption("service:seo-tooling");
  await page.getByRole("button", { name: "Send request" }).click();
  await expect(page.getByTestId("quote-success")).toBeVisible();
  expect(storedRequests("name = ?", name).map((row) => [row.interest, row.referrerPath])).toEqual([
    ["service:seo-tooling", "/services/seo-tooling"],
  ]);
});

for (const javaScriptEnabled of [true, false]) {
  test.describe(`attribution, JavaScript ${javaScriptEnabled ? "on" : "off"}`, () => {
    test.use({ javaScriptEnabled });

    test("the campaign tags of the page that opened the form are stored with the lead", async ({ page }) => {
      await page.goto("/services/seo-tooling?utm_source=partner&utm_campaign=launch-week");
      await page.locator("main").getByRole("link", { name: "Request a quote" }).first().click();
      await expect(page).toHaveURL(/\/quote\?interest=service%3Aseo-tooling$/);
      const name = uniqueName(`Tagged ${javaScriptEnabled ? "JS" : "NoJS"}`);
      await fillValid(page, name);
      await page.getByLabel(/What can we help with/).selectOption("service:seo-tooling");
      await page.getByRole("button", { name: "Send request" }).click();
      await expect(page.getByTestId("quote-success")).toBeVisible();
      expect(storedRequests("name = ?", name)[0]).toMatchObject({
        referrerPath: "/services/seo-tooling",
        utmSource: "partner",
        utmCampaign: "launch-week",
        utmMedium: null,
      });
    });
  });
}

test("the sixth request in ten minutes from one address gets a polite error and keeps its values", async ({
  page,
  context,
}) => {
  // Six form fills of over a second each: on a busy machine this needs more than the default 30 s.
  test.setTimeout(90_000);
  await context.setExtraHTTPHeaders({ "X-Forwarded-For": "198.19.0.77" });
  for (let i = 0; i < 5; i++) {
    await page.goto("/quote");
    await fillValid(page, uniqueName(`Limit ${i}`));
    await page.getByRole("button", { name: "Send request" }).click();
    await expect(page.getByTestId("quote-success")).toBeVisible();
  }
  await page.goto("/quote");
  const name = uniqueName("Limit 6");
  await fillValid(page, name);
  await page.getByRole("button", { name: "Send request" }).click();
  await expect(page.getByTestId("form-status")).toContainText("several requests");
  await expect(page.getByLabel(/Your name/)).toHaveValue(name);
  expect(storedRequests("name = ?", name)).toHaveLength(0);
});

test.describe("the static form page and its cookies", () => {
  test("/quote is served prerendered, sets the form's cookies on every load and stays out of shared caches", async ({
    request,
  }) => {
    for (let load = 0; load < 2; load++) {
      const response = await request.get("/quote");
      const headers = response.headers();
      expect(headers["x-nextjs-prerender"], "served from the build's prerendered page").toBeDefined();
      expect(headers["cache-control"]).toBe("private, no-cache");
      const html = await response.text();
      expect(html).not.toContain('name="formToken"');
      const setCookies = response.headersArray().filter((header) => header.name.toLowerCase() === "set-cookie");
      // The first load issues a token; the second keeps it (the request context sends it back) and only
      // renews the visit's context.
      const token = setCookies.find((header) => header.value.startsWith("fsdev_form="));
      if (load === 0)
        expect(token?.value).toMatch(
          /^fsdev_form=v1\.[^;]+; Path=\/quote; Expires=[^;]+; Max-Age=86400; HttpOnly; SameSite=lax$/,
        );
      else expect(token).toBeUndefined();
      expect(setCookies.some((header) => header.value.startsWith("fsdev_form_from="))).toBe(true);
    }
  });

  test("a quote link's interest is selected in the page itself (no script); unknown ones select nothing", async ({
    request,
  }) => {
    const selected = async (query: string) => {
      const html = await (await request.get(`/quote${query}`)).text();
      return /<option value="([^"]*)" selected="">/.exec(html)?.[1];
    };
    expect(await selected("?interest=product%3Astraider-ai")).toBe("product:straider-ai");
    expect(await selected("?interest=service:automation&utm_source=x")).toBe("service:automation");
    expect(await selected("?interest=other")).toBe("other");
    expect(await selected("?interest=service%3Anot-a-service")).toBe("");
    expect(await selected("")).toBe("");
    // The prerendered copies have one public address: /quote.
    const direct = await request.get("/quote/for/service/automation", { maxRedirects: 0 });
    expect(direct.status()).toBe(308);
    expect(direct.headers()["location"]).toBe("/quote?interest=service%3Aautomation");
  });

  test.describe("without JavaScript", () => {
    test.use({ javaScriptEnabled: false });

    test("the request records the interest, the referring page and the campaign tags of the visit", async ({
      page,
      baseURL,
    }) => {
      await page.goto("/quote?interest=service%3Aautomation&utm_source=newsletter&utm_campaign=spring", {
        referer: `${baseURL}/services/automation`,
      });
      await expect(page.getByLabel(/What can we help with/)).toHaveValue("service:automation");
      const name = uniqueName("Campaign NoJS");
      await fillValid(page, name);
      await page.getByLabel(/What can we help with/).selectOption("service:automation");
      await page.getByRole("button", { name: "Send request" }).click();
      await expect(page.getByTestId("quote-success")).toBeVisible();
      const [row] = storedRequests("name = ?", name);
      expect(row).toMatchObject({
        interest: "service:automation",
        referrerPath: "/services/automation",
        utmSource: "newsletter",
        utmCampaign: "spring",
        utmMedium: null,
        status: "new",
      });
    });
  });

  for (const javaScriptEnabled of [true, false]) {
    test.describe(`cookies blocked, JavaScript ${javaScriptEnabled ? "on" : "off"}`, () => {
      test.use({ javaScriptEnabled });

      test("the form asks to send again, keeps every value, and the second send goes through", async ({
        page,
        context,
      }) => {
        await page.goto("/quote");
        const name = uniqueName(`No Cookies ${javaScriptEnabled ? "JS" : "NoJS"}`);
        await fillValid(page, name);
        await context.clearCookies();
        await page.getByRole("button", { name: "Send request" }).click();
        await expect(page.getByTestId("form-status")).toContainText("security check");
        await expect(page.getByLabel(/Your name/)).toHaveValue(name);
        await expect(page.getByLabel(/About the project/)).toHaveValue(/holiday season/);
        expect(storedRequests("name = ?", name)).toHaveLength(0);
        // The reply carries a new token in the form itself; a person reads the message before sending again.
        await context.clearCookies();
        await pastMinimumFillTime();
        await page.getByRole("button", { name: "Send request" }).click();
        await expect(page.getByTestId("quote-success")).toBeVisible();
        expect(storedRequests("name = ?", name).map((row) => row.status)).toEqual(["new"]);
      });
    });
  }
});
