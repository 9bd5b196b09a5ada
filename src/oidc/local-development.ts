import type Provider from 'oidc-provider';

/** The two checks oidc-provider makes on implicit-flow web clients that a local setup cannot pass. */
const relaxedChecks = new Set(['implicit-force-https', 'implicit-forbid-localhost']);

/** A redirect URI on this machine: localhost, 127.0.0.0/8 or [::1], whatever the scheme and port. */
export function isLoopbackUri(uri: string): boolean {
  const hostname = URL.parse(uri)?.hostname;
  return hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname ?? '');
}

/**
 * Lets implicit-flow clients register localhost and loopback redirect URIs (http allowed), and
 * nothing else: any other http URI is still refused. Only for an issuer on http://localhost, which
 * the configuration loader enforces; this provider's Schema alone is changed.
 */
export function allowHttpLocalhostImplicitRedirects(provider: Provider): void {
  // Client.Schema is oidc-provider's per-provider metadata validator (its types leave it out);
  // overriding its invalidate() for these codes is the way oidc-provider's own recipes relax them.
  // redirectUris() checks a list and does not say which URI failed: check them one at a time, and
  // relax only while the one being checked is a loopback URI.
  const { Schema } = provider.Client as unknown as { Schema: { prototype: SchemaMethods } };
  const schema = Schema.prototype;
  const { invalidate, redirectUris } = schema;
  let checkingLoopback = false;
  schema.redirectUris = function oneAtATime(uris, label) {
    for (const uri of uris ?? this.redirect_uris ?? []) {
      checkingLoopback = isLoopbackUri(uri);
      try {
        redirectUris.call(this, [uri], label);
      } finally {
        checkingLoopback = false;
      }
    }
  };
  schema.invalidate = function relaxed(message, code) {
    if (checkingLoopback && code && relaxedChecks.has(code)) return;
    invalidate.call(this, message, code);
  };
}

interface SchemaMethods {
  redirect_uris?: string[];
  invalidate(message: string, code?: string): void;
  redirectUris(uris?: string[], label?: string): void;
}
