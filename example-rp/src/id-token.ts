/**
 * The claims of an ID token, read from its payload for display. oidc-client-ts has verified the
 * token when the user was stored; this only shows what it holds (User.profile mixes in UserInfo).
 */
export function idTokenClaims(idToken: string): Record<string, unknown> {
  const payload = idToken.split('.')[1];
  if (!payload) throw new Error('the ID token is not a JWT');
  const base64 = payload
    .replace(/-/g, '+')
    .replace(/_/g, '/')
    .padEnd(Math.ceil(payload.length / 4) * 4, '=');
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
}

/** Claims that are times (seconds since the epoch), shown as dates beside their number. */
const timeClaims = new Set(['exp', 'iat', 'auth_time', 'nbf', 'updated_at']);

export interface ClaimRow {
  name: string;
  value: string;
  /** A readable form of the value, when it has one (a date). */
  note?: string;
}

export function claimRows(claims: Record<string, unknown>): ClaimRow[] {
  return Object.entries(claims).map(([name, value]) => {
    const row: ClaimRow = { name, value: typeof value === 'string' ? value : JSON.stringify(value) };
    if (timeClaims.has(name) && typeof value === 'number') row.note = new Date(value * 1000).toLocaleString();
    return row;
  });
}
