/** What each scope and claim a client asks for means, in the person's words, for the consent page. */
import type { Words } from './words.js';

const SCOPES = ['openid', 'profile', 'email', 'offline_access'] as const;
const CLAIMS = ['name', 'given_name', 'family_name', 'email', 'email_verified', 'picture'] as const;

const isOneOf = <T extends string>(list: readonly T[], value: string): value is T =>
  (list as readonly string[]).includes(value);

export function consentItems(
  words: Words,
  scopes: readonly string[],
  claims: readonly string[],
): { title: string; detail: string }[] {
  const items = scopes.map((scope) =>
    isOneOf(SCOPES, scope)
      ? { title: words.t(`scope.${scope}`), detail: words.t(`scope.${scope}.detail`) }
      : { title: scope, detail: words.t('scope.other.detail') },
  );
  const extraClaims = claims.filter((claim) => isOneOf(CLAIMS, claim)).map((claim) => words.t(`claim.${claim}`));
  if (extraClaims.length > 0) {
    items.push({
      title: words.t('claims.title'),
      detail: words.t('claims.detail', { claims: words.list(extraClaims) }),
    });
  }
  return items;
}
