import type { Client, Configuration, KoaContextWithOIDC, ResponseType } from 'oidc-provider';
import type { Store } from '../../adapters/contract.js';
import type { FacegateConfig } from '../config/types.js';
import type { ProviderKeys } from '../keys/load.js';
import { LANGUAGES } from '../messages/languages.js';
import { ACCOUNT_CLIENT_ID, accountClientMetadata } from './account-client.js';
import { acrValuesSupported } from './acr.js';
import { claimsConfiguration } from './claims.js';
import { clientMetadata } from './client-metadata.js';
import { findAccountIn } from './find-account.js';
import { loadExistingGrantWith } from './grants.js';
import type { ProviderPages } from './pages.js';
import { spendingOnce } from './spend-once.js';
import { interactionPolicyWithStepUp } from './step-up.js';

export interface ProviderInputs {
  config: FacegateConfig;
  store: Store;
  keys: ProviderKeys;
  pages: ProviderPages;
}

/** oidc-provider's configuration, as data derived from ours. */
export function providerConfiguration({ config, store, keys, pages }: ProviderInputs): Configuration {
  const firstParty = firstPartyClients(config);
  const secure = new URL(config.issuer).protocol === 'https:';
  return {
    adapter: spendingOnce(store.adapterFor) as Configuration['adapter'],
    clients: [...config.clients.map(clientMetadata), accountClientMetadata(config.issuer)],
    findAccount: findAccountIn(store.accounts),
    claims: claimsConfiguration(config.scopes),
    scopes: ['openid', 'offline_access', ...Object.keys(config.scopes)],
    acrValues: acrValuesSupported(config.passkeys.enabled),
    responseTypes: offeredResponseTypes(config),
    jwks: { keys: keys.signing as NonNullable<Configuration['jwks']>['keys'] },
    cookies: {
      keys: keys.cookie,
      long: { signed: true, secure },
      short: { signed: true, secure },
    },
    ttl: {
      AccessToken: config.ttl.accessToken,
      AuthorizationCode: config.ttl.authorizationCode,
      IdToken: config.ttl.idToken,
      RefreshToken: config.ttl.refreshToken,
      Session: config.ttl.session,
      Grant: config.ttl.grant,
      Interaction: config.ttl.interaction,
    },
    features: {
      devInteractions: { enabled: false },
      userinfo: { enabled: true },
      revocation: { enabled: true, allowedPolicy: ownTokensOnly },
      introspection: { enabled: true, allowedPolicy: confidentialClientsOnly },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: pages.logoutSource,
        postLogoutSuccessSource: pages.postLogoutSuccessSource,
      },
    },
    interactions: {
      url: (_ctx, interaction) => `/interaction/${interaction.uid}`,
      policy: interactionPolicyWithStepUp({ passkeys: config.passkeys.enabled }),
    },
    loadExistingGrant: loadExistingGrantWith((clientId) => firstParty.has(clientId)),
    clientBasedCORS: corsForRedirectOrigins,
    renderError: pages.renderError,
    // The languages of the pages, which an RP may ask for with ui_locales.
    discovery: { ui_locales_supported: [...LANGUAGES] },
  };
}

/** The clients whose people never see a consent page: the configured first-party ones, and facegate's own. */
export function firstPartyClients(config: FacegateConfig): Set<string> {
  return new Set([
    ...config.clients.filter((client) => client.first_party).map((client) => client.client_id),
    ACCOUNT_CLIENT_ID,
  ]);
}

/**
 * The response types offered in discovery and accepted at /auth. `id_token token` puts an access
 * token in the URL, which RFC 9700 (OAuth 2.0 Security BCP) advises against: it is offered only
 * when a configured client lists it. `id_token` (the proof of concept's flow) stays.
 */
function offeredResponseTypes(config: FacegateConfig): ResponseType[] {
  const offered: ResponseType[] = ['code', 'id_token', 'code id_token'];
  if (config.clients.some((client) => client.response_types.includes('id_token token'))) offered.push('id_token token');
  return offered;
}

/** A client may revoke the tokens issued to it, and no others. */
function ownTokensOnly(_ctx: KoaContextWithOIDC, client: Client, token: { clientId?: string }): boolean {
  return token.clientId === client.clientId;
}

/** Introspection tells token contents: only clients that authenticate may ask. */
function confidentialClientsOnly(ctx: KoaContextWithOIDC): boolean {
  return ctx.oidc.client?.clientAuthMethod !== 'none';
}

/** A browser RP may call the token and userinfo endpoints from the origins it redirects to. */
function corsForRedirectOrigins(_ctx: KoaContextWithOIDC, origin: string, client: Client): boolean {
  return (client.redirectUris ?? []).some((uri) => URL.parse(uri)?.origin === origin);
}
