/**
 * The provider's face pages driven as a person uses them, by their visible labels: start the
 * camera, take the enrolment pictures, press "Verify my identity", read the status line.
 */
import type { Page } from 'playwright-core';

export interface Status {
  tone: string;
  text: string;
}

/** Presses "Start camera" and waits until the preview plays. */
export async function startCamera(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Start camera' }).click();
  await page.locator('#camera[data-state="on"]').waitFor();
}

/** The status line once the page has stopped working on something. */
export async function settledStatus(page: Page): Promise<Status> {
  const status = page.locator('#status:not([data-tone="busy"])');
  await status.waitFor();
  return { tone: (await status.getAttribute('data-tone')) ?? 'info', text: (await status.textContent())!.trim() };
}

/** The enrolment page's consent box (a page without one, when consent is not required, has none). */
export const consentBox = (page: Page) => page.getByRole('checkbox', { name: /^I agree that my face template/ });

/** On the enrolment page: consent ticked, camera on, the name typed when asked, pictures taken; the final status. */
export async function enrollOnPage(page: Page, link: string, name?: string): Promise<Status> {
  await page.goto(link);
  if ((await consentBox(page).count()) > 0) await consentBox(page).check();
  await startCamera(page);
  if (name !== undefined) await page.getByLabel(/Your name/).fill(name);
  await page.getByRole('button', { name: /^Take \d+ pictures$/ }).click();
  return settledStatus(page);
}

/** On the sign-in page, camera already on: presses "Verify my identity". */
export async function pressVerify(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Verify my identity' }).click();
}

/** Presses "Verify my identity" and returns the refusal the page shows (the button is usable again). */
export async function verifyRefused(page: Page): Promise<Status> {
  await pressVerify(page);
  await page.locator('#verify:not([disabled])').waitFor();
  return settledStatus(page);
}
