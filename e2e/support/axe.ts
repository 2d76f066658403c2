// Accessibility checks with axe on the current page, as lines: the serious and critical WCAG 2 A/AA
// violations, and (for 长辈模式) text below the AAA contrast of 7:1 (4.5:1 for large text).
import type { Page } from '@playwright/test';

export async function seriousViolations(page: Page, label: string): Promise<string[]> {
  const { default: AxeBuilder } = await import('@axe-core/playwright');
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${label}: ${violation.id} ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

/** WCAG 1.4.6 (AAA): every text node checked by axe's `color-contrast-enhanced` rule, any impact. */
export async function contrastBelowAAA(page: Page, label: string): Promise<string[]> {
  const { default: AxeBuilder } = await import('@axe-core/playwright');
  const results = await new AxeBuilder({ page }).withRules(['color-contrast-enhanced']).analyze();
  return results.violations.flatMap((violation) =>
    violation.nodes.map((node) => `${label}: ${node.target.join(' ')} ${node.failureSummary ?? ''}`.trim()),
  );
}
