import type { Browser } from '../support/browser.js';
import { finishLogin } from './finish-login.js';
import type { TestFacegate } from '../support/facegate.js';

/**
 * A person signing in: the browser opens the RP's authorization URL, the login step is
 * completed in-process, and consent (third-party clients) is given on the consent page.
 * Returns where the provider finally sends the browser (the RP's callback), and the response.
 */
export async function signIn(
  browser: Browser,
  facegate: TestFacegate,
  authorizationUrl: URL,
  accountId: string,
  { consent = true } = {},
) {
  let step = await browser.navigate(authorizationUrl);
  if (isInteraction(step.url, facegate) && (await waitsFor(facegate, step.url)) === 'login') {
    step = await browser.navigate(await finishLogin(facegate.provider, step.url, accountId));
  }
  if (consent && isInteraction(step.url, facegate) && (await waitsFor(facegate, step.url)) === 'consent') {
    step = await browser.navigate(`${step.url.pathname}/confirm`, { form: {} });
  }
  return step;
}

export function isInteraction(url: URL, facegate: TestFacegate): boolean {
  return url.origin === new URL(facegate.issuer).origin && url.pathname.startsWith('/interaction/');
}

async function waitsFor(facegate: TestFacegate, url: URL): Promise<string | undefined> {
  const interaction = await facegate.provider.Interaction.find(url.pathname.split('/')[2]);
  return interaction?.prompt.name;
}
