/** All the app needs to know about its provider; the server answers it at /config.json. */
export interface RpConfig {
  /** The issuer: oidc-client-ts reads `${authority}/.well-known/openid-configuration`. */
  authority: string;
  client_id: string;
}

/** Read at startup, not at build time, so one build works against any OpenID provider. */
export async function fetchConfig(): Promise<RpConfig> {
  const response = await fetch('/config.json', { cache: 'no-store' });
  if (!response.ok) throw new Error(`/config.json answered HTTP ${response.status}`);
  const data: unknown = await response.json();
  const { authority, client_id } = (data ?? {}) as Partial<Record<keyof RpConfig, unknown>>;
  if (typeof authority !== 'string' || typeof client_id !== 'string') {
    throw new Error('/config.json must hold "authority" and "client_id" strings');
  }
  return { authority, client_id };
}
