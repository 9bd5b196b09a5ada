import type { FindAccount } from 'oidc-provider';
import type { AccountStore } from '../../adapters/contract.js';
import { accountClaims } from './claims.js';

/** oidc-provider's findAccount over our account store; an account removed since sign-in is gone. */
export function findAccountIn(accounts: AccountStore): FindAccount {
  return async (_ctx, id) => {
    const account = await accounts.get(id);
    if (!account) return undefined;
    return { accountId: account.id, claims: () => accountClaims(account) };
  };
}
