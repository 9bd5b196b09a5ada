import { errors } from 'oidc-provider';
import type { Store } from '../../adapters/contract.js';
import { AlreadyConsumedError } from '../../adapters/errors.js';
import { oneAdapterPerModel } from '../../adapters/one-adapter-per-model.js';

/** The models whose records a grant issues, which oidc-provider revokes when a code is used twice. */
const ISSUED_BY_GRANT = [
  'AccessToken',
  'RefreshToken',
  'AuthorizationCode',
  'DeviceCode',
  'BackchannelAuthenticationRequest',
];

/**
 * oidc-provider reads a code (or a refresh token it rotates), checks that it is unspent, then
 * spends it: two requests racing with one code could both pass the check. The store spends
 * atomically and tells the loser (AlreadyConsumedError); the loser is then treated as oidc-provider
 * treats a code used again: the grant and everything it issued are revoked, and it gets
 * invalid_grant, so neither request keeps working tokens from a code used twice.
 */
export function spendingOnce(adapterFor: Store['adapterFor']): Store['adapterFor'] {
  const revokeGrant = async (grantId: string) => {
    await Promise.all(ISSUED_BY_GRANT.map((model) => adapterFor(model).revokeByGrantId(grantId)));
    await adapterFor('Grant').destroy(grantId);
  };
  return oneAdapterPerModel((model) => {
    const adapter = adapterFor(model);
    return {
      ...adapter,
      async consume(id) {
        try {
          await adapter.consume(id);
        } catch (error) {
          if (!(error instanceof AlreadyConsumedError)) throw error;
          const record = await adapter.find(id);
          if (typeof record?.grantId === 'string') await revokeGrant(record.grantId);
          throw new errors.InvalidGrant(`${model} already used`);
        }
      },
    };
  });
}
