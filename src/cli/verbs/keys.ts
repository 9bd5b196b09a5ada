import type { KeyRecord } from '../../../adapters/contract.js';
import { rotateCookieKey, rotateSigningKeys } from '../../keys/rotate.js';
import { parse } from '../parse.js';
import { withStore } from '../with-store.js';

const usage = 'facegate keys list | facegate keys rotate [--cookie] [--config PATH]';

/**
 * `keys list`: the signing and cookie keys, newest first, marking those in use for signing.
 * `keys rotate`: a new signing key per algorithm (or, with --cookie, a new cookie key); the
 * earlier keys stay for verification. Running servers pick the new keys up on restart or SIGHUP.
 */
export async function keys(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, { cookie: { type: 'boolean' } }, usage);
  const [action] = positionals;
  if (action !== 'list' && action !== 'rotate') {
    console.error(`usage: ${usage}`);
    return 2;
  }
  return withStore(values.config, async (store) => {
    if (action === 'rotate') {
      const added = values.cookie ? [await rotateCookieKey(store.keys)] : await rotateSigningKeys(store.keys);
      for (const key of added) console.log(`added ${describe(key)}`);
      return 0;
    }
    const signing = await store.keys.list('signing');
    const cookie = await store.keys.list('cookie');
    if (signing.length + cookie.length === 0)
      console.log('no keys yet: they are created when facegate first starts (facegate serve)');
    const signingNow = new Set(['RS256', 'ES256'].map((alg) => signing.find((k) => k.jwk.alg === alg)?.kid));
    for (const key of signing) console.log(`${describe(key)}${signingNow.has(key.kid) ? '  (signs)' : '  (verifies)'}`);
    cookie.forEach((key, i) => console.log(`${describe(key)}${i === 0 ? '  (signs)' : '  (verifies)'}`));
    return 0;
  });
}

function describe(key: KeyRecord): string {
  return `${key.kind.padEnd(7)} ${(key.jwk.alg ?? 'HS256').padEnd(6)} ${key.kid}  ${new Date(key.createdAt).toISOString()}`;
}
