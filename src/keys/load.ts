import type { KeyStore, StoredJwk } from '../../adapters/contract.js';
import { generateCookieKey, generateSigningKeys } from './generate.js';

export interface ProviderKeys {
  /** Private JWKs, newest first: oidc-provider signs with the first of an algorithm, verifies with all. */
  signing: StoredJwk[];
  /** Newest first: keygrip signs with the first, accepts all. */
  cookie: string[];
}

/**
 * The keys the provider runs with, created at the first start. Several instances starting
 * together each generate a candidate set, and the store keeps exactly one of them.
 */
export async function loadKeys(keys: KeyStore): Promise<ProviderKeys> {
  let signing = await keys.list('signing');
  if (signing.length === 0) signing = await keys.ensure('signing', await generateSigningKeys());
  let cookie = await keys.list('cookie');
  if (cookie.length === 0) cookie = await keys.ensure('cookie', [generateCookieKey()]);
  return {
    signing: signing.map((record) => record.jwk),
    cookie: cookie.map((record) => String(record.jwk.k)),
  };
}
