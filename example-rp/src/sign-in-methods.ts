/**
 * Readable names for `amr` values (RFC 8176, facegate's `face`, and `pop` for its passkeys); an unknown value is shown as sent.
 */
const names: Record<string, string> = {
  face: 'Face',
  pop: 'Passkey (proof of possession)',
  pwd: 'Password',
  otp: 'One-time code',
  mfa: 'Multiple factors',
  hwk: 'Security key',
  swk: 'Software key',
  fpt: 'Fingerprint',
  pin: 'PIN',
  sms: 'Text message',
};

export function methodName(amr: string): string {
  return names[amr] ?? amr;
}
