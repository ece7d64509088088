import type { Page } from "@playwright/test";

/**
 * Whether Chromium's own accessibility tree (what a screen reader is given) reports the phone
 * menu button as expanded. The popover invoker carries no aria-expanded attribute: the browser
 * derives the state from the popover, so the test asks the browser rather than the DOM.
 */
export async function menuExpanded(page: Page): Promise<boolean | undefined> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { result } = await cdp.send("Runtime.evaluate", {
      expression: 'document.querySelector("nav[aria-label=Main]")',
    });
    const { nodes } = await cdp.send("Accessibility.queryAXTree", {
      objectId: result.objectId,
      accessibleName: "Menu",
      role: "button",
    });
    const expanded = nodes[0]?.properties?.find((property) => property.name === "expanded")?.value.value;
    return typeof expanded === "boolean" ? expanded : undefined;
  } finally {
    await cdp.detach();
  }
}
