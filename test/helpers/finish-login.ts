import type Provider from 'oidc-provider';
import { faceLogin } from '../../src/oidc/acr.js';

/**
 * Completes a login step from inside the test process, the way interactionFinished does it
 * (store the result on the interaction, then resume at its returnTo): the face page of the next
 * issue calls interactionFinished with the same `faceLogin(accountId)` result. No HTTP backdoor.
 */
export async function finishLogin(provider: Provider, interactionUrl: URL, accountId: string): Promise<URL> {
  return finishLoginWith(provider, interactionUrl, { ...faceLogin(accountId) });
}

/**
 * Ends the login step in failure, as the face page does when the person cancels or the face
 * check fails too often: the provider sends the RP `error=access_denied` and this description.
 */
export async function denyLogin(provider: Provider, interactionUrl: URL, description: string): Promise<URL> {
  return finishLoginWith(provider, interactionUrl, { error: 'access_denied', error_description: description });
}

async function finishLoginWith(provider: Provider, interactionUrl: URL, result: Record<string, unknown>): Promise<URL> {
  const uid = /^\/interaction\/([^/]+)$/.exec(interactionUrl.pathname)?.[1];
  if (!uid) throw new Error(`not an interaction page: ${interactionUrl.href}`);
  const interaction = await provider.Interaction.find(uid);
  if (!interaction) throw new Error(`no interaction ${uid}`);
  if (interaction.prompt.name !== 'login') throw new Error(`interaction ${uid} waits for ${interaction.prompt.name}, not login`);
  interaction.result = result;
  await interaction.save(interaction.exp - Math.floor(Date.now() / 1000));
  return new URL(interaction.returnTo);
}
