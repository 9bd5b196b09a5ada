/**
 * Inputs for the token endpoint (POST /token): form bodies built from live material (a fresh code
 * and its PKCE verifier, a live refresh token) with one or more fields bent, replaced, repeated or
 * left out; odd grant types and client authentication headers; other content types; random and
 * mutated raw bodies.
 */
import { mutate } from './mutate.js';
import type { Prng } from '../../src/eval/prng.js';

/** What a real client would send, from the running server. */
export interface TokenMaterial {
  clientId: string;
  redirectUri: string;
  code: string;
  verifier: string;
  refreshToken: string;
}

export interface TokenInput {
  kind: string;
  contentType?: string;
  authorization?: string;
  body: Buffer;
  /** The code went as it was, with its grant type: it may be spent now. */
  spendsCode: boolean;
}

const GRANT_TYPES = [
  'authorization_code',
  'authorization_code',
  'refresh_token',
  'refresh_token',
  'client_credentials',
  'password',
  'implicit',
  'urn:ietf:params:oauth:grant-type:device_code',
  'urn:ietf:params:oauth:grant-type:token-exchange',
  '',
];
const CONTENT_TYPES = [
  'application/x-www-form-urlencoded',
  'application/json',
  'text/plain',
  'multipart/form-data; boundary=x',
  'application/x-www-form-urlencoded; charset=latin1',
  '',
];

/** A value bent: mutated bytes (as text), cut, doubled, emptied, very long, or of another field. */
function bend(prng: Prng, value: string, material: TokenMaterial): string {
  switch (prng.int(7)) {
    case 0:
      return mutate(prng, Buffer.from(value), [
        Buffer.from(material.code),
        Buffer.from(material.refreshToken),
      ]).bytes.toString('latin1');
    case 1:
      return value.slice(0, prng.int(value.length + 1));
    case 2:
      return value + value;
    case 3:
      return '';
    case 4:
      return prng.text(prng.chance(0.8) ? prng.between(1, 200) : prng.between(5_000, 20_000));
    case 5:
      return prng.pick([
        material.code,
        material.verifier,
        material.refreshToken,
        material.redirectUri,
        material.clientId,
      ]);
    default:
      return `${value}${prng.pick(['%00', '\u0000', '\u00e9', '\ud83d\ude00', ' ', '&', '=', '%', '+'])}`;
  }
}

function basic(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
}

export function tokenInput(prng: Prng, material: TokenMaterial): TokenInput {
  if (prng.chance(0.1)) {
    const raw = prng.chance(0.5)
      ? prng.bytes(prng.int(2048))
      : mutate(
          prng,
          Buffer.from(`grant_type=authorization_code&code=${material.code}&code_verifier=${material.verifier}`),
          [],
        ).bytes;
    return { kind: 'raw body', contentType: prng.pick(CONTENT_TYPES), body: raw, spendsCode: false };
  }
  const grantType = prng.pick(GRANT_TYPES);
  const fields: [string, string][] = [
    ['grant_type', grantType],
    ['client_id', material.clientId],
  ];
  if (grantType === 'refresh_token' || prng.chance(0.1)) fields.push(['refresh_token', material.refreshToken]);
  if (grantType !== 'refresh_token' || prng.chance(0.1))
    fields.push(['code', material.code], ['code_verifier', material.verifier], ['redirect_uri', material.redirectUri]);
  if (prng.chance(0.2))
    fields.push([
      prng.pick([
        'scope',
        'resource',
        'client_secret',
        'client_assertion',
        'client_assertion_type',
        'username',
        'audience',
        prng.text(8),
      ]),
      prng.text(prng.int(64)),
    ]);

  const changed: string[] = [];
  const bends = prng.chance(0.15) ? 0 : prng.between(1, 3);
  for (let n = 0; n < bends; n++) {
    const i = prng.int(fields.length);
    const [name, value] = fields[i];
    switch (prng.int(4)) {
      case 0:
        fields.splice(i, 1);
        changed.push(`-${name}`);
        break;
      case 1:
        fields.push([name, prng.chance(0.5) ? value : bend(prng, value, material)]);
        changed.push(`${name}x2`);
        break;
      default:
        fields[i] = [name, bend(prng, value, material)];
        changed.push(`~${name}`);
    }
  }

  let authorization: string | undefined;
  if (prng.chance(0.25)) {
    authorization = prng.pick([
      basic(material.clientId, ''),
      basic(material.clientId, prng.text(40)),
      basic(prng.text(10), prng.text(10)),
      `Basic ${Buffer.from(prng.text(20)).toString('base64')}`,
      `Basic ${prng.text(prng.int(60))}`,
      'Basic',
      `Bearer ${prng.text(30)}`,
      `DPoP ${prng.text(30)}`,
      prng.text(prng.int(80)),
    ]);
    changed.push('authorization');
  }
  const contentType = prng.chance(0.9) ? 'application/x-www-form-urlencoded' : prng.pick(CONTENT_TYPES);
  const body = Buffer.from(new URLSearchParams(fields).toString());
  const untouched = (name: string) => !changed.some((c) => c.endsWith(name) || c === 'authorization');
  const spendsCode =
    grantType === 'authorization_code' && untouched('code') && contentType === 'application/x-www-form-urlencoded';
  return {
    kind: `${grantType || '(none)'} ${changed.join(' ') || 'as is'}`,
    contentType,
    authorization,
    body,
    spendsCode,
  };
}
