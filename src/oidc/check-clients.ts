import type Provider from 'oidc-provider';
import { ConfigError } from '../config/errors.js';
import type { FacegateConfig } from '../config/types.js';
import { ACCOUNT_CLIENT_ID } from './account-client.js';

/**
 * oidc-provider checks a configured client only when it is first used. Load each one now, so a
 * bad client stops the start with its client_id and oidc-provider's own words, which name the field.
 */
export async function checkClients(provider: Provider, config: FacegateConfig): Promise<void> {
  for (const [i, client] of config.clients.entries()) {
    if (client.client_id === ACCOUNT_CLIENT_ID) {
      throw new ConfigError(
        'config_client_invalid',
        config.file,
        `/clients/${i} (client "${client.client_id}")`,
        `the client_id "${ACCOUNT_CLIENT_ID}" is facegate's own (the /account page signs in through it); give this client another`,
      );
    }
    try {
      await provider.Client.find(client.client_id);
    } catch (error) {
      const description = (error as { error_description?: string }).error_description ?? (error as Error).message;
      throw new ConfigError(
        'config_client_invalid',
        config.file,
        `/clients/${i} (client "${client.client_id}")`,
        `oidc-provider refuses it: ${description}; fix this client`,
      );
    }
  }
}
