/**
 * axe-core (Deque's accessibility engine) run on a page as it is now: its rules against WCAG 2.x
 * A and AA and best practice, and the violations it rates serious or critical, each described in a
 * line a failing test can show. axe is put into the page by playwright-core's evaluate, which runs
 * outside the page's Content-Security-Policy: the page's own policy stays as it is served.
 */
import axe from 'axe-core';
import type { Page } from 'playwright-core';

export interface Violation {
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

/** The serious and critical violations on `page` now. */
export async function seriousViolations(page: Page): Promise<Violation[]> {
  if (!(await page.evaluate('typeof window.axe === "object"'))) await page.evaluate(axe.source);
  const violations = await page.evaluate<
    { id: string; impact?: string; help: string; nodes: { target: string[] }[] }[]
  >(`axe.run(document, { resultTypes: ['violations'] }).then((results) => results.violations)`);
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ rule: v.id, impact: v.impact!, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
}

/** A phone's screen (an iPhone 12 to 15's, in CSS pixels). */
export const PHONE = { width: 390, height: 844 };

/**
 * axe on the page light, dark (prefers-color-scheme) and at phone width, dark too: every serious
 * or critical violation, with where it was seen (`name` and the way). The page is left as it was.
 */
export async function violationsAllWays(page: Page, name: string): Promise<string[]> {
  const found: string[] = [];
  const viewport = page.viewportSize()!;
  const ways: [string, 'light' | 'dark', { width: number; height: number }][] = [
    ['light', 'light', viewport],
    ['dark', 'dark', viewport],
    ['phone', 'light', PHONE],
    ['phone dark', 'dark', PHONE],
  ];
  // Colours measured at rest: no pointer over a button, and no transition between themes on the way
  // (the pages drop their transitions for reduced motion; a button caught halfway reads as low contrast).
  await page.mouse.move(0, 0);
  for (const [way, colorScheme, size] of ways) {
    await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
    await page.setViewportSize(size);
    await page.evaluate(
      // A transition cut short by another ends the wait too (its `finished` rejects).
      'Promise.all(document.getAnimations().filter((a) => a instanceof CSSTransition).map((a) => a.finished.catch(() => {})))',
    );
    for (const v of await seriousViolations(page)) {
      found.push(`${name} (${way}): ${v.impact} ${v.rule}: ${v.help} at ${v.targets.join(', ')}`);
    }
  }
  await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'no-preference' });
  await page.setViewportSize(viewport);
  return found;
}
