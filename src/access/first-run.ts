/**
 * A fresh installation has no account, so nobody could sign in. Whoever installed it enrols their
 * own face first, as account `owner`, through a one-time enrolment link: `facegate start` (the
 * interactive demo) prints one; `facegate serve`, whose output goes to service logs, only says
 * that no account exists and which command prints a link, since a link is a credential.
 */
import type { Store } from '../../adapters/contract.js';
import { createInvitation } from './invitations.js';

export const FIRST_ACCOUNT = 'owner';
const FIRST_LINK_TTL_SECONDS = 3600;

export async function noAccountYet(store: Store): Promise<boolean> {
  return (await store.accounts.list()).length === 0;
}

/** The link, or undefined when some account exists already. */
export async function firstRunInvitation(store: Store, issuer: string): Promise<string | undefined> {
  if (!(await noAccountYet(store))) return undefined;
  const { link } = await createInvitation(store.invitations, issuer, {
    accountId: FIRST_ACCOUNT,
    ttlSeconds: FIRST_LINK_TTL_SECONDS,
  });
  return link;
}
