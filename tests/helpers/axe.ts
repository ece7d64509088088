import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/** The rules every page is held to: WCAG 2.0, 2.1 and 2.2, levels A and AA. */
export const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/**
 * Resolves once the page has stopped scrolling (the same position for ten animation frames in a row). Focus moved
 * by a form scrolls smoothly, and axe's target-size check measures what the sticky header covers: run mid-scroll,
 * it judges a position the page only passes through.
 */
async function scrollSettled(page: Page) {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        let last = window.scrollY;
        let still = 0;
        const tick = () => {
          still = window.scrollY === last ? still + 1 : 0;
          last = window.scrollY;
          if (still >= 10) resolve();
          else requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      }),
  );
}

/** Runs axe on the page (or the part `include` selects) and fails with each violation's rule, targets and summary. */
export async function expectNoViolations(page: Page, label: string, include?: string) {
  await scrollSettled(page);
  const builder = new AxeBuilder({ page }).withTags(WCAG_TAGS);
  if (include) builder.include(include);
  const { violations } = await builder.analyze();
  const report = violations
    .map((violation) =>
      [
        `${violation.id} (${violation.impact ?? "?"}): ${violation.help}`,
        ...violation.nodes.map(
          (node) => `  - ${node.target.join(" ")}\n    ${node.failureSummary?.replace(/\n/g, "\n    ")}`,
        ),
      ].join("\n"),
    )
    .join("\n");
  expect(violations, `axe found ${violations.length} violation(s) on ${label}:\n${report}`).toEqual([]);
}
