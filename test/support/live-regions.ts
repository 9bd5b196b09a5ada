/**
 * What a screen reader would read out as a page changes: the text of its live regions (aria-live
 * polite or assertive, role status or alert) each time it changes while the region is shown. A
 * change to text outside them, or to a hidden region, is not announced, so it is not recorded.
 * Installed before the page's own scripts run (an init script of the browser context).
 */
import type { BrowserContext, Page } from 'playwright-core';

const listen = `(() => {
  const heard = [];
  Object.defineProperty(window, '__announced', { value: heard });
  const live = '[aria-live="polite"], [aria-live="assertive"], [role="status"], [role="alert"]';
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      const node = record.target.nodeType === Node.ELEMENT_NODE ? record.target : record.target.parentElement;
      const region = node && node.closest(live);
      if (!region || !region.checkVisibility()) continue;
      const text = region.textContent.trim();
      if (text && heard[heard.length - 1] !== text) heard.push(text);
    }
  });
  // From when the page is parsed (before its scripts run): what the page says as it loads is read
  // with the page, not announced as a change.
  document.addEventListener('readystatechange', () => {
    if (document.readyState === 'interactive') observer.observe(document, { subtree: true, childList: true, characterData: true });
  });
})()`;

export async function listenToLiveRegions(context: BrowserContext): Promise<void> {
  await context.addInitScript(listen);
}

/** Everything announced on `page` since it loaded, in order. */
export function announced(page: Page): Promise<string[]> {
  return page.evaluate<string[]>('window.__announced');
}
