/**
 * A fresh installation has no account, so nobody could sign in: at start, facegate then makes a
 * one-time enrolment link for a first account, so whoever installed it enrols their own face.
 */
import type { Store } from '../../adapters/contract.js';
import { createInvitation } from './invitations.js';

export const FIRST_ACCOUNT = 'owner';
const FIRST_LINK_TTL_SECONDS = 3600;

/** The link, or undefined when some account exists already. */
export async function firstRunInvitation(store: Store, issuer: string): Promise<string | undefined> {
  if ((await store.accounts.list()).length > 0) return undefined;
  const { link } = await createInvitation(store.invitations, issuer, { accountId: FIRST_ACCOUNT, ttlSeconds: FIRST_LINK_TTL_SECONDS });
  return link;
}
