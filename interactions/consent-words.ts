/** What each scope and claim a client asks for means, in words for the consent page. */
const SCOPES: Record<string, { title: string; detail: string }> = {
  openid: { title: 'Who you are', detail: 'An identifier for your account, and that you signed in with your face.' },
  profile: { title: 'Your profile', detail: 'Your name and profile picture.' },
  email: { title: 'Your email address', detail: 'And whether it has been verified.' },
  offline_access: {
    title: 'Access while you are away',
    detail: 'It may stay connected to your account until you sign out of it.',
  },
};

const CLAIMS: Record<string, string> = {
  name: 'your name',
  given_name: 'your first name',
  family_name: 'your last name',
  email: 'your email address',
  email_verified: 'whether your email is verified',
  picture: 'your profile picture',
};

export function consentItems(
  scopes: readonly string[],
  claims: readonly string[],
): { title: string; detail: string }[] {
  const items = scopes.map(
    (scope) => SCOPES[scope] ?? { title: scope, detail: 'A permission this application defines.' },
  );
  const extraClaims = claims.filter((claim) => CLAIMS[claim]).map((claim) => CLAIMS[claim]);
  if (extraClaims.length > 0) items.push({ title: 'Details about you', detail: `Also ${extraClaims.join(', ')}.` });
  return items;
}
