import type Provider from 'oidc-provider';

/** The two checks oidc-provider makes on implicit-flow web clients that a local setup cannot pass. */
const relaxedChecks = new Set(['implicit-force-https', 'implicit-forbid-localhost']);

/**
 * Lets implicit-flow clients register http://localhost redirect URIs. Only for an issuer on
 * http://localhost, which the configuration loader enforces; this provider's Schema alone is changed.
 */
export function allowHttpLocalhostImplicitRedirects(provider: Provider): void {
  // Client.Schema is oidc-provider's per-provider metadata validator (its types leave it out);
  // overriding its invalidate() for these codes is the way oidc-provider's own recipes relax them.
  const { Schema } = provider.Client as unknown as { Schema: { prototype: { invalidate(message: string, code?: string): void } } };
  const schema = Schema.prototype;
  const invalidate = schema.invalidate;
  schema.invalidate = function relaxed(message, code) {
    if (code && relaxedChecks.has(code)) return;
    invalidate.call(this, message, code);
  };
}
