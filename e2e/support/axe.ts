// Runs axe-core inside the page and turns its violations into one readable failure message.
// It only reads the page; it never changes what it checks (no rule is switched off here).

import { createRequire } from 'node:module';
import type { AxeResults, Result } from 'axe-core';
import type { Page } from 'playwright-core';

const axeSource = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** All of axe's non-experimental rules (WCAG 2.x A/AA and best practices) over the whole page. */
export async function axeViolations(page: Page): Promise<Result[]> {
  const loaded = await page.evaluate(() => 'axe' in window);
  if (!loaded) await page.addScriptTag({ path: axeSource });
  const results = await page.evaluate(async () => {
    const { axe } = window as unknown as { axe: { run(context: Document): Promise<AxeResults> } };
    return axe.run(document);
  });
  return results.violations;
}

/** One line per offending element: rule, impact, what to fix, and where. */
export function describeViolations(violations: Result[]): string {
  return violations
    .flatMap((violation) =>
      violation.nodes.map(
        (node) =>
          `${violation.id} (${violation.impact ?? 'n/a'}): ${violation.help} — ${node.target.join(' ')}\n    ${node.html}`,
      ),
    )
    .join('\n');
}

/** Fails with the list of violations, so the report says what to fix without rerunning anything. */
export async function expectNoAxeViolations(page: Page, where: string): Promise<void> {
  const violations = await axeViolations(page);
  if (violations.length > 0) {
    throw new Error(
      `axe-core found ${violations.length} violation(s) on ${where}:\n${describeViolations(violations)}`,
    );
  }
}
