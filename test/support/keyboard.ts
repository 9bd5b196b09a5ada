import type { Page } from 'playwright-core';

/** The id of the element that has the keyboard focus. */
export const focused = (page: Page) => page.evaluate<string>('document.activeElement?.id ?? ""');

/** Presses Tab until the element with `id` has the focus (at most `max` presses); fails the test otherwise. */
export async function tabTo(page: Page, id: string, max = 12): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if ((await focused(page)) === id) return;
  }
  throw new Error(`Tab never reached #${id}`);
}
