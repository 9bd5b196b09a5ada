import type { Facegate } from '../server/facegate.js';

/**
 * Lines `npm start` prints after its summary, telling the person who started facegate what to do
 * next. Hook for the enrollment pages: when no account exists (`facegate.store.accounts.list()`
 * is empty), return the enrollment link here.
 */
export async function startupNotes(_facegate: Facegate): Promise<string[]> {
  return [];
}
