import type { Page } from "@playwright/test";

/** React has claimed the element (its props are attached once hydration has reached it). */
export async function hydrated(page: Page, selector: string) {
  await page.waitForFunction((selector) => {
    const element = document.querySelector(selector);
    return element !== null && Object.keys(element).some((key) => key.startsWith("__reactProps$"));
  }, selector);
}
