import type { AccountInput, AccountRecord } from './contract.js';

/** The profile fields an account keeps, in one place for every backend. */
const profileFields = ['name', 'givenName', 'familyName', 'email', 'emailVerified', 'picture'] as const;

type Profile = Omit<AccountInput, 'id'>;

/** The profile as one JSON text, without undefined fields. */
export function profileToJson(account: AccountInput): string {
  const profile: Record<string, unknown> = {};
  for (const field of profileFields) {
    if (account[field] !== undefined) profile[field] = account[field];
  }
  return JSON.stringify(profile);
}

export function accountFromStored(
  id: string,
  profileJson: string,
  createdAt: number,
  lastSignInAt?: number | null,
): AccountRecord {
  const profile = JSON.parse(profileJson) as Profile;
  const account: AccountRecord = { id, ...profile, createdAt };
  if (lastSignInAt != null) account.lastSignInAt = lastSignInAt;
  return account;
}
