import { expect, test, type Locator, type Page } from "@playwright/test";
import { caseStudies } from "../../lib/content";
import { FIXTURE_CASE_STUDY, FIXTURE_CLIENT_PAGE, FIXTURE_CONTACT } from "../setup/fixture-facts";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fixtureEnv, fixturePort } from "../../playwright.config";
import { startBookingStub, type BookingStub } from "../helpers/booking-stub";
import { fillValid, uniqueIp, uniqueName } from "../helpers/e2e-server";
import { FIXTURE_START_TIMEOUT_MS, startFixtureSite, type FixtureSite } from "../helpers/fixture-site";
import { until } from "../helpers/pace";

/**
 * The fixture site (project "fixture", tests/setup/fixture-site.ts): a production build whose content gives every
 * contact fact and one published case study. What the real content cannot show yet: the contact links once the
 * owner fills them in, and a real case study on its page, in the lists, in the sitemap and in the quote action.
 * (Their absence on the real build is checked in prospect.spec.ts.) Its BOOKING_URL points at a local stub of a
 * scheduling page, so the "Book a call" link can be followed.
 */

let fixtureSite: FixtureSite | undefined;
let booking: BookingStub | undefined;
test.beforeAll(async () => {
  test.setTimeout(FIXTURE_START_TIMEOUT_MS);
  booking = await startBookingStub();
  fixtureSite = await startFixtureSite({ BOOKING_URL: `${booking.origin}/fsdev/intro?notes={reference}` });
});
test.afterAll(async () => {
  await fixtureSite?.stop();
  await booking?.stop();
});

const { slug, title, service } = FIXTURE_CASE_STUDY;
const caseStudyPath = `/case-studies/${slug}`;
const interest = `service:${service}`;
/** The phone number as `tel:` and the business data carry it: international form without spaces. */
const phone = FIXTURE_CONTACT.phone.replaceAll(" ", "");

/** The links of a contact list, in the order they are shown: [href, text] pairs. */
const contactLinks = (list: Locator) =>
  list.getByRole("link").evaluateAll((links) => links.map((a) => [a.getAttribute("href"), a.textContent?.trim()]));

/** Exact hrefs: a working `mailto:` and `tel:`, the profile pages as given (shown without https://www.). */
const expectedLinks = [
  [`mailto:${FIXTURE_CONTACT.email}`, FIXTURE_CONTACT.email],
  [`tel:${phone}`, FIXTURE_CONTACT.phone],
  [FIXTURE_CONTACT.linkedin, "linkedin.com/company/fsdev-example"],
  [FIXTURE_CONTACT.github, "github.com/fsdev-example"],
];

test("contact links are shown in the footer and on the about page, and in the business data", async ({ page }) => {
  for (const [path, lists] of [
    ["/", 1],
    ["/about", 2],
  ] as const) {
    await page.goto(path);
    // The footer's list everywhere; the about page has its own as well.
    await expect(page.getByTestId("contact-list"), path).toHaveCount(lists);
    await expect(page.locator("footer").getByTestId("contact-list"), path).toHaveCount(1);
    for (const list of await page.getByTestId("contact-list").all()) {
      await expect(list).toBeVisible();
      expect(await contactLinks(list), path).toEqual(expectedLinks);
      for (const profile of [FIXTURE_CONTACT.linkedin, FIXTURE_CONTACT.github]) {
        await expect(list.locator(`a[href="${profile}"]`)).toHaveAttribute("rel", "me noopener");
      }
    }
    const jsonLd = await page.locator('script[type="application/ld+json"]').allTextContents();
    const business = jsonLd.map((text) => JSON.parse(text)).find((data) => data["@type"] === "ProfessionalService");
    expect(business, path).toMatchObject({
      email: FIXTURE_CONTACT.email,
      telephone: phone,
      sameAs: [FIXTURE_CONTACT.linkedin, FIXTURE_CONTACT.github],
    });
  }
});

test("a real case study has its page, without the example badge", async ({ page }) => {
  const response = await page.goto(caseStudyPath);
  expect(response?.status()).toBe(200);
  await expect(page.locator("h1")).toHaveCount(1);
  await expect(page.locator("h1")).toHaveText(title);
  await expect(page.getByTestId("entry-badge")).toHaveCount(0);
});

test("a real case study is listed on the home page and on its service's page, and in the sitemap", async ({
  page,
  request,
  baseURL,
}) => {
  await page.goto("/");
  const band = page.locator("section[aria-labelledby='case-studies-heading']");
  await expect(band.getByRole("link", { name: title })).toHaveAttribute("href", caseStudyPath);
  await expect(band.getByTestId("entry-badge")).toHaveCount(0);

  await page.goto(`/services/${service}`);
  const related = page.locator("section[aria-labelledby='case-studies']");
  await expect(related.getByRole("link", { name: title })).toHaveAttribute("href", caseStudyPath);

  const sitemap = await (await request.get("/sitemap.xml")).text();
  expect(sitemap).toContain(`<loc>${baseURL}${caseStudyPath}</loc>`);
});

test("example case studies stay hidden in the fixture build", async ({ request }) => {
  const examples = caseStudies.all({ includeDrafts: true }).filter((entry) => entry.data.example);
  expect(examples.length).toBeGreaterThan(0);
  const sitemap = await (await request.get("/sitemap.xml")).text();
  for (const entry of examples) {
    expect((await request.get(`/case-studies/${entry.slug}`)).status(), entry.slug).toBe(404);
    expect(sitemap, entry.slug).not.toContain(`/case-studies/${entry.slug}<`);
  }
});

/** Follows the case study's "Request a similar quote" and checks the form arrives with its service chosen. */
async function requestSimilarQuote(page: Page) {
  await page.goto(caseStudyPath);
  await page.getByTestId("similar-quote").click();
  await page.waitForURL(/\/quote\?/);
  expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe(
    `/quote?interest=${encodeURIComponent(interest)}`,
  );
  await expect(page.locator("select[name=interest]")).toHaveValue(interest);
  await expect(page.locator("select[name=interest] option:checked")).toHaveAttribute("value", interest);
}

test("the case study's similar-quote action opens the form with its service chosen", async ({ page }) => {
  await requestSimilarQuote(page);
});

test("a content page that gains a client component keeps its scripts and their policy; the others lose both", async ({
  page,
  request,
}) => {
  const response = await page.goto(FIXTURE_CLIENT_PAGE.path);
  // Its inline scripts are allowed by their hashes, which the build took from this very page, not 'unsafe-inline'.
  expect(response?.headers()["content-security-policy"]).toMatch(/script-src 'self'( 'sha256-[\w+/]+=*')+;/);
  await expect(page.getByTestId(FIXTURE_CLIENT_PAGE.testId)).toHaveText("hydrated");
  expect(await page.locator("script[src^='/_next/static/chunks/']").count()).toBeGreaterThan(0);

  // The fixture build ran the step too: a page without a client component has no script and the strict policy.
  const about = await request.get("/about");
  expect(about.headers()["content-security-policy"]).toContain("script-src 'self';");
  expect(await about.text()).not.toMatch(/<script(?![^>]*application\/ld\+json)/);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the similar-quote action still opens the form with its service chosen", async ({ page }) => {
    await requestSimilarQuote(page);
    // The choice is in the served HTML, not set by a script.
    const html = await (await page.request.get(`/quote?interest=${encodeURIComponent(interest)}`)).text();
    expect(html).toMatch(new RegExp(`<option(?=[^>]*\\svalue="${interest}")(?=[^>]*\\sselected)[^>]*>`));
  });
});

test.describe("book a call", () => {
  for (const javaScriptEnabled of [true, false]) {
    const js = javaScriptEnabled ? "on" : "off";
    test(`the success screen links to BOOKING_URL with the reference (JavaScript ${js})`, async ({ browser }) => {
      const context = await browser.newContext({
        javaScriptEnabled,
        extraHTTPHeaders: { "X-Forwarded-For": uniqueIp() },
      });
      const page = await context.newPage();
      try {
        await page.goto("/quote");
        await fillValid(page, uniqueName("Booker"));
        await page.getByRole("button", { name: "Send request" }).click();
        await expect(page.getByTestId("quote-success")).toBeVisible();
        const reference = (await page.getByTestId("quote-reference").textContent())!.trim();
        const link = page.getByTestId("book-call");
        await expect(link).toHaveAttribute("href", `${booking!.origin}/fsdev/intro?notes=${reference}`);
        await link.click();
        await expect(page.getByRole("heading", { name: "Pick a time" })).toBeVisible();
        expect(booking!.visits.map((visit) => visit.searchParams.get("notes"))).toContain(reference);

        // The confirmation offers the same link (the fixture site writes its mail as .eml files in its copy).
        const mailDir = path.join(os.tmpdir(), `fsdev-fixture-site-${fixturePort}`, fixtureEnv.MAIL_DIR);
        const confirmation = await until(
          () =>
            fs.existsSync(mailDir) &&
            fs
              .readdirSync(mailDir)
              .map((name) => fs.readFileSync(path.join(mailDir, name), "utf8"))
              .find((raw) => raw.includes(reference) && /^To: prospect@example\.com/m.test(raw)),
          { what: `the confirmation of ${reference}`, timeoutMs: 10_000, intervalMs: 100 },
        );
        const decoded = confirmation.replace(/=\r?\n/g, "").replaceAll("=3D", "=");
        expect(decoded).toContain(`${booking!.origin}/fsdev/intro?notes=${reference}`);
      } finally {
        await context.close();
      }
    });
  }
});
