import type { KeyRecord, KeyStore } from '../../adapters/contract.js';
import { generateCookieKey, generateSigningKeys } from './generate.js';

/**
 * Adds a new signing key per algorithm. The earlier keys stay published in the JWKS, so tokens
 * they signed still verify; running instances sign with the new keys once restarted (or SIGHUP).
 */
export async function rotateSigningKeys(keys: KeyStore): Promise<KeyRecord[]> {
  const added = await generateSigningKeys();
  await keys.add('signing', added);
  return added;
}

/** Adds a new cookie key; cookies signed with the earlier ones stay valid. */
export async function rotateCookieKey(keys: KeyStore): Promise<KeyRecord> {
  const added = generateCookieKey();
  await keys.add('cookie', [added]);
  return added;
}
