import { expect, test } from "@playwright/test";

test("at phone size the menu button opens the navigation and it works by keyboard", async ({ page }) => {
  await page.goto("/");
  const nav = page.getByRole("navigation", { name: "Main" });
  const button = nav.getByRole("button", { name: "Menu" });
  await expect(button).toBeVisible();
  await expect(button).toHaveAttribute("aria-expanded", "false");
  // Desktop links are hidden at this size.
  await expect(nav.getByRole("link", { name: "Products" })).toHaveCount(0);

  await button.focus();
  await page.keyboard.press("Enter");
  await expect(nav.getByRole("button", { name: "Close menu" })).toHaveAttribute("aria-expanded", "true");
  await page.keyboard.press("Escape");
  await expect(button).toHaveAttribute("aria-expanded", "false");
  await expect(button).toBeFocused();

  await page.keyboard.press("Enter");
  await page.keyboard.press("Tab");
  await expect(nav.getByRole("link", { name: "Services" }).last()).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(nav.getByRole("link", { name: "Products" }).last()).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/products$/);
  await expect(page.locator("h1")).toBeVisible();
  await expect(nav.getByRole("button", { name: "Menu" })).toHaveAttribute("aria-expanded", "false");
});

test("pages do not scroll sideways at phone size", async ({ page }) => {
  for (const path of ["/", "/articles/understanding-back-end-developers", "/services/custom-web-applications", "/quote"]) {
    await page.goto(path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, path).toBeLessThanOrEqual(0);
  }
});
