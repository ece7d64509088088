import { expect, test } from "@playwright/test";
import { menuExpanded } from "../helpers/menu";

test("at phone size the menu button opens the navigation, works by keyboard, reports its state to AT", async ({
  page,
}) => {
  await page.goto("/");
  const nav = page.getByRole("navigation", { name: "Main" });
  const button = nav.getByRole("button", { name: "Menu" });
  await expect(button).toBeVisible();
  await expect.poll(() => menuExpanded(page)).toBe(false);
  // Desktop links are hidden at this size, and so is the closed menu.
  await expect(nav.getByRole("link", { name: "Products" })).toHaveCount(0);

  await button.focus();
  await page.keyboard.press("Enter");
  await expect(page.locator("#site-menu")).toBeVisible();
  await expect.poll(() => menuExpanded(page)).toBe(true);
  await page.keyboard.press("Escape");
  await expect(page.locator("#site-menu")).toBeHidden();
  await expect.poll(() => menuExpanded(page)).toBe(false);
  await expect(button).toBeFocused();

  await page.keyboard.press("Enter");
  await page.keyboard.press("Tab");
  await expect(nav.getByRole("link", { name: "Services" })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(nav.getByRole("link", { name: "Products" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/products$/);
  await expect(page.locator("h1")).toBeVisible();
  await expect(page.locator("#site-menu")).toBeHidden();
  await button.click();
  await expect(nav.getByRole("link", { name: "Products" })).toHaveAttribute("aria-current", "page");
  // A click outside it (below the open panel) closes it.
  const panel = await page.locator("#site-menu").boundingBox();
  await page.mouse.click(20, panel!.y + panel!.height + 40);
  await expect(page.locator("#site-menu")).toBeHidden();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });
  test("the menu still opens and closes", async ({ page }) => {
    await page.goto("/about");
    const nav = page.getByRole("navigation", { name: "Main" });
    await nav.getByRole("button", { name: "Menu" }).click();
    await expect(nav.getByRole("link", { name: "About" })).toHaveAttribute("aria-current", "page");
    await page.keyboard.press("Escape");
    await expect(page.locator("#site-menu")).toBeHidden();
  });
});

test("pages do not scroll sideways at phone size", async ({ page }) => {
  for (const path of [
    "/",
    "/articles/understanding-back-end-developers",
    "/services/custom-web-applications",
    "/quote",
  ]) {
    await page.goto(path);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow, path).toBeLessThanOrEqual(0);
  }
});

test("a product page at phone size offers one quote button at its foot, not two back to back", async ({ page }) => {
  await page.goto("/products/shopify-seo-fixer");
  // The page and its band (the header's closed menu and the footer's site links aside).
  const quoteLinks = page
    .locator("main a[href^='/quote'], [data-testid=quote-band] a[href^='/quote']")
    .filter({ visible: true });
  await expect(quoteLinks).toHaveCount(1);
  await expect(page.getByTestId("quote-band").getByRole("link", { name: "Request a quote" })).toBeVisible();
  // At desktop width the feature box, beside the text, keeps its own.
  await page.setViewportSize({ width: 1280, height: 900 });
  await expect(page.locator("section[aria-labelledby='product-features'] a[href^='/quote']")).toBeVisible();
});
