import { firstRunInvitation } from '../access/first-run.js';
import type { Facegate } from '../server/facegate.js';

/**
 * Lines `facegate start` prints once the provider runs, telling whoever started it on their own
 * machine what to do next: with no account yet, the link that enrols the first one; after a change
 * of embedder, which older model still runs for accounts not carried over yet, and which accounts
 * cannot sign in at all (`facegate serve` logs the same two as warnings and notes).
 */
export async function startupNotes(facegate: Facegate): Promise<string[]> {
  const link = await firstRunInvitation(facegate.store, facegate.issuer);
  const { model, legacy } = facegate.face;
  return [
    ...(link
      ? [
          `Enrol:      ${link}`,
          '            (no account yet: this one-time link enrols yours, face first; valid for an hour)',
        ]
      : []),
    ...legacy.loaded.map(
      (older) =>
        `Face model: ${model}; ${older} also runs, for accounts not carried over yet (facegate templates list)`,
    ),
    ...legacy.unavailable.map(
      (u) =>
        `Warning:    ${u.accounts} account(s) have templates of ${u.model} only, which cannot run: ${u.reason}; they cannot sign in until enrolled again (facegate invite ID --replace)`,
    ),
  ];
}
