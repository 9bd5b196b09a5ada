import { randomBytes, randomUUID } from 'node:crypto';
import { calculateJwkThumbprint, exportJWK, generateKeyPair } from 'jose';
import type { KeyRecord, StoredJwk } from '../../adapters/contract.js';

/** The ID token signing algorithms facegate publishes keys for; RS256 first, as OIDC requires it. */
export const signingAlgorithms = ['RS256', 'ES256'] as const;

/** One new private key per signing algorithm, the RS256 one first; kid is the RFC 7638 thumbprint. */
export async function generateSigningKeys(now = Date.now()): Promise<KeyRecord[]> {
  return Promise.all(
    signingAlgorithms.map(async (alg) => {
      const { privateKey } = await generateKeyPair(alg, { extractable: true, modulusLength: 2048 });
      const jwk = await exportJWK(privateKey);
      const kid = await calculateJwkThumbprint(jwk);
      return { kind: 'signing' as const, kid, createdAt: now, jwk: { ...jwk, kid, alg, use: 'sig' } as StoredJwk };
    }),
  );
}

/** A 256-bit secret for signing cookies (keygrip), kept as an `oct` JWK like the other keys. */
export function generateCookieKey(now = Date.now()): KeyRecord {
  const kid = randomUUID();
  return { kind: 'cookie', kid, createdAt: now, jwk: { kty: 'oct', kid, k: randomBytes(32).toString('base64url') } };
}
