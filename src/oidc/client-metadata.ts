import type { ClientMetadata } from 'oidc-provider';
import type { ClientConfig } from '../config/types.js';

/** A configured client as oidc-provider metadata: ours (`first_party`) stays with facegate. */
export function clientMetadata({ first_party: _firstParty, ...metadata }: ClientConfig): ClientMetadata {
  return metadata;
}
