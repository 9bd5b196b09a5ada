import { firstRunInvitation } from '../signin/first-run.js';
import type { Facegate } from '../server/facegate.js';

/**
 * Lines `facegate start` prints once the provider runs, telling whoever started it on their own
 * machine what to do next: with no account yet, the link that enrols the first one.
 */
export async function startupNotes(facegate: Facegate): Promise<string[]> {
  const link = await firstRunInvitation(facegate.store, facegate.issuer);
  return link ? [`Enrol:      ${link}`, '            (no account yet: this one-time link enrols yours, face first; valid for an hour)'] : [];
}
