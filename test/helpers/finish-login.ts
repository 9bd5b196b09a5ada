import type Provider from 'oidc-provider';
import { faceLogin } from '../../src/oidc/acr.js';

/**
 * Completes a login step from inside the test process, the way interactionFinished does it
 * (store the result on the interaction, then resume at its returnTo), with the same
 * `faceLogin(accountId)` result the face page gives. For protocol tests that are not about faces
 * (the browser tests sign in with a fake webcam instead). No HTTP backdoor.
 */
export async function finishLogin(provider: Provider, interactionUrl: URL, accountId: string): Promise<URL> {
  const uid = /^\/interaction\/([^/]+)$/.exec(interactionUrl.pathname)?.[1];
  if (!uid) throw new Error(`not an interaction page: ${interactionUrl.href}`);
  const interaction = await provider.Interaction.find(uid);
  if (!interaction) throw new Error(`no interaction ${uid}`);
  if (interaction.prompt.name !== 'login')
    throw new Error(`interaction ${uid} waits for ${interaction.prompt.name}, not login`);
  interaction.result = { ...faceLogin(accountId) };
  await interaction.save(interaction.exp - Math.floor(Date.now() / 1000));
  return new URL(interaction.returnTo);
}
