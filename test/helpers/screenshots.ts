import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

/**
 * Screenshots of a suite's pages, to be looked at, in test-output/<suite>/ (git ignores it).
 * Animations are finished first, so a theme switch is not caught halfway.
 */
export function screenshots(suite: string) {
  const folder = join(process.cwd(), 'test-output', suite);
  mkdirSync(folder, { recursive: true });
  const shoot = async (page: Page, name: string): Promise<void> => {
    await page.screenshot({ path: join(folder, `${name}.png`), fullPage: true, animations: 'disabled' });
  };
  return {
    folder,
    shoot,
    /** The page as it is, then in dark mode, then on a phone (375 px wide). */
    async shootAllWays(page: Page, name: string): Promise<void> {
      await shoot(page, name);
      await page.emulateMedia({ colorScheme: 'dark' });
      await shoot(page, `${name}-dark`);
      await page.emulateMedia({ colorScheme: 'light' });
      const viewport = page.viewportSize()!;
      await page.setViewportSize({ width: 375, height: 740 });
      await shoot(page, `${name}-phone`);
      await page.setViewportSize(viewport);
    },
  };
}
