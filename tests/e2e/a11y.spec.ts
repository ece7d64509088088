import AxeBuilder from "@axe-core/playwright";
import { expectNoViolations, WCAG_TAGS } from "../helpers/axe";
import { expect, test, type Page } from "@playwright/test";
import { articles, services } from "../../lib/content";
import { deskLeadPath } from "../../lib/routes";
import { DESK, signInByEmail, submitLead } from "../helpers/desk";
import { menuExpanded } from "../helpers/menu";
import { fillValid, uniqueIp, uniqueName } from "../helpers/e2e-server";
import { PRIVACY_REQUEST_PATH } from "../../lib/routes";
import { pastMinimumFillTime } from "../helpers/pace";
import { publicRoutes } from "../helpers/routes";

// Independent page checks: they spread over both workers (and their servers) instead of queueing on one.
test.describe.configure({ mode: "parallel" });

/**
 * Accessibility: axe (WCAG 2.0/2.1/2.2 A and AA) finds nothing on any page, the quote form's
 * error and success states included; reduced motion turns smooth scrolling off; navigation
 * targets are at least 24×24 CSS pixels (WCAG 2.5.8).
 */
const PHONE = { width: 390, height: 844 };

/** The public pages, plus the privacy request form (kept out of the sitemap, so not a published route). */
const routes = [...publicRoutes, PRIVACY_REQUEST_PATH];

test("axe is really checking: a violation planted in the page is reported", async ({ page }) => {
  await page.goto("/");
  await page.waitForLoadState("networkidle"); // after hydration, which would drop a node it does not know
  await page.evaluate(() => {
    const image = document.createElement("img");
    image.src = "/icon.svg";
    image.id = "planted";
    document.querySelector("main")!.append(image);
  });
  await expect(page.locator("main #planted")).toHaveCount(1);
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  expect(violations.map((violation) => violation.id)).toContain("image-alt");
});

for (const path of routes) {
  test(`axe: ${path} has no WCAG A/AA violations`, async ({ page }) => {
    const response = await page.goto(path);
    expect(response?.status()).toBe(200);
    await expectNoViolations(page, path);
  });
}

/** The dark scheme's page surface (app/globals.css), so a test knows the scheme really applied. */
const DARK_SURFACE = "rgb(11, 17, 32)";

test.describe("dark colour scheme (prefers-color-scheme: dark)", () => {
  test.use({ colorScheme: "dark" });

  for (const path of [...routes, "/no-such-page"]) {
    test(`axe: ${path} has no WCAG A/AA violations in the dark scheme`, async ({ page }) => {
      const response = await page.goto(path);
      expect(response?.status()).toBe(path === "/no-such-page" ? 404 : 200);
      expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(DARK_SURFACE);
      await expectNoViolations(page, `${path} (dark)`);
    });
  }

  test("axe: the quote form's error state in the dark scheme", async ({ page, context }) => {
    await context.setExtraHTTPHeaders({ "X-Forwarded-For": uniqueIp() });
    await page.goto("/quote");
    await page.getByRole("button", { name: "Send request" }).click();
    await expect(page.getByTestId("error-email")).toBeVisible();
    await expectNoViolations(page, "/quote with errors (dark)");
  });

  test("the light scheme is unchanged when the system asks for light", async ({ page }) => {
    await page.emulateMedia({ colorScheme: "light" });
    await page.goto("/");
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe("rgb(255, 255, 255)");
  });
});

test("axe: the 404 page has no WCAG A/AA violations", async ({ page }) => {
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  await expectNoViolations(page, "the 404 page");
});

test("axe: the home page at phone size, menu closed and open", async ({ page }) => {
  await page.setViewportSize(PHONE);
  await page.goto("/");
  await expectNoViolations(page, "/ at phone size");
  const menu = page.getByRole("navigation", { name: "Main" }).getByRole("button", { name: "Menu" });
  await menu.click();
  await expect.poll(() => menuExpanded(page)).toBe(true);
  await expectNoViolations(page, "/ at phone size with the menu open");
});

for (const colorScheme of ["light", "dark"] as const) {
  test(`axe: the privacy request form at 1280 and 390 px (${colorScheme}), empty, with errors and sent`, async ({
    page,
    context,
  }) => {
    await context.setExtraHTTPHeaders({ "X-Forwarded-For": uniqueIp() });
    await page.emulateMedia({ colorScheme });
    for (const viewport of [{ width: 1280, height: 900 }, PHONE]) {
      await page.setViewportSize(viewport);
      await page.goto(PRIVACY_REQUEST_PATH);
      await expectNoViolations(page, `${PRIVACY_REQUEST_PATH} at ${viewport.width} px (${colorScheme})`);
      await page.getByRole("button", { name: "Send privacy request" }).click();
      await expect(page.getByLabel("Your email address")).toHaveAttribute("aria-invalid", "true");
      await expectNoViolations(page, `${PRIVACY_REQUEST_PATH} with errors at ${viewport.width} px (${colorScheme})`);
    }
    await page.getByLabel("Your email address").fill(`${uniqueName("axe").replace(/\W+/g, "")}@example.com`);
    await page.getByLabel(/Delete everything/).check();
    await pastMinimumFillTime();
    await page.getByRole("button", { name: "Send privacy request" }).click();
    await expect(page.getByTestId("privacy-sent")).toBeVisible();
    await expectNoViolations(page, `${PRIVACY_REQUEST_PATH} sent (${colorScheme})`);
  });
}

test.describe("the quote form", () => {
  test.beforeEach(async ({ context }) => {
    await context.setExtraHTTPHeaders({ "X-Forwarded-For": uniqueIp() });
  });

  test("axe: its error state", async ({ page }) => {
    await page.goto("/quote");
    await page.getByRole("button", { name: "Send request" }).click();
    await expect(page.getByTestId("form-status")).toContainText("Please correct");
    await expect(page.getByTestId("error-email")).toBeVisible();
    await expectNoViolations(page, "/quote with errors");
  });

  test("axe: its success state", async ({ page }) => {
    await page.goto("/quote");
    await fillValid(page, uniqueName("Axe"));
    await page.getByRole("button", { name: "Send request" }).click();
    await expect(page.getByTestId("quote-success")).toBeVisible();
    await expectNoViolations(page, "/quote after sending");
    await expectNoViolations(page, "the success panel", '[data-testid="quote-success"]');
  });
});

test("reduced motion turns smooth scrolling off", async ({ page }) => {
  await page.emulateMedia({ reducedMotion: "no-preference" });
  await page.goto("/");
  const scrollBehavior = () => page.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior);
  expect(await scrollBehavior()).toBe("smooth");
  await page.emulateMedia({ reducedMotion: "reduce" });
  expect(await scrollBehavior()).toBe("auto");
  await page.reload();
  expect(await scrollBehavior()).toBe("auto");
});

/** Visible links and buttons in the header, footer and every nav, except links inside running text. */
async function smallTargets(page: Page) {
  return page.evaluate(() => {
    const found: string[] = [];
    const seen = new Set<Element>();
    for (const element of document.querySelectorAll(
      "header a, header button, footer a, footer button, nav a, nav button, [role=navigation] a",
    )) {
      if (seen.has(element)) continue;
      seen.add(element);
      if (element.closest("p")) continue;
      const style = getComputedStyle(element);
      const box = element.getBoundingClientRect();
      if (style.visibility === "hidden" || style.display === "none" || box.width === 0 || box.height === 0) continue;
      if (element.closest(".sr-only") || (box.width <= 1 && box.height <= 1)) continue;
      if (box.width < 24 || box.height < 24) {
        found.push(
          `${element.tagName.toLowerCase()} "${(element.textContent ?? "").trim()}" ` +
            `${box.width.toFixed(1)}×${box.height.toFixed(1)}`,
        );
      }
    }
    return found;
  });
}

test("navigation targets are at least 24×24 CSS pixels, on a desktop and on a phone", async ({ page }) => {
  for (const path of ["/", `/services/${services.all()[0]!.slug}`, `/articles/${articles.all()[0]!.slug}`]) {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(path);
    expect(await smallTargets(page), `${path} on a desktop`).toEqual([]);
    await page.setViewportSize(PHONE);
    await page.goto(path);
    expect(await smallTargets(page), `${path} on a phone`).toEqual([]);
    await page.getByRole("navigation", { name: "Main" }).getByRole("button", { name: "Menu" }).click();
    expect(await smallTargets(page), `${path} on a phone, menu open`).toEqual([]);
  }
});

test.describe("the desk's workbench", () => {
  for (const colorScheme of ["light", "dark"] as const) {
    for (const viewport of [{ width: 1280, height: 900 }, PHONE]) {
      test(`axe: inbox with filters, shortcut help, lead, sources at ${viewport.width} px (${colorScheme})`, async ({
        page,
        request,
        baseURL,
      }) => {
        test.setTimeout(60_000);
        const word = `axe${Date.now().toString(36)}`;
        const reference = await submitLead(request, baseURL!, {
          name: uniqueName("Axe Workbench"),
          ip: uniqueIp(),
          fields: { description: `A message with the word ${word} in it.`, budget: "over-500k" },
        });
        await page.setViewportSize(viewport);
        await page.emulateMedia({ colorScheme });
        await signInByEmail(page, uniqueIp());
        await page.goto(`${DESK}/desk?status=new&q=${word}&budget=over-500k&age=7d&sort=budget`);
        await expect(page.getByTestId("inbox-row")).toHaveCount(1);
        await expectNoViolations(page, `filtered inbox (${colorScheme}, ${viewport.width} px)`);
        await page.getByRole("button", { name: /^Keyboard shortcuts/ }).click();
        await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeVisible();
        await expectNoViolations(page, `shortcut help (${colorScheme}, ${viewport.width} px)`);
        await page.keyboard.press("Escape");
        await page.goto(`${DESK}${deskLeadPath(reference)}`);
        await page.getByLabel("Estimated deal value").fill("many");
        await page.getByRole("button", { name: "Save deal value" }).click();
        await expect(page.getByLabel("Estimated deal value")).toHaveAttribute("aria-invalid", "true");
        await expectNoViolations(page, `lead with a plan error (${colorScheme}, ${viewport.width} px)`);
        await page.goto(`${DESK}/desk/sources`);
        await expectNoViolations(page, `sources (${colorScheme}, ${viewport.width} px)`);
      });
    }
  }
});
