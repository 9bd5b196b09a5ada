/**
 * The relying party of the load bench, as openid-client makes one: the public client `bench`
 * (code + PKCE, offline_access for a refresh token), one authorization at a time.
 */
import * as oidc from 'openid-client';
import { noteServerTiming } from '../server-timing.js';
import { codeAuthorization, type Authorization } from '../../test/support/code-authorization.js';

export const CLIENT_ID = 'bench';
export const CALLBACK = 'http://localhost:9999/cb';

/** The client as registered in the bench's facegate.config.json. */
export const benchClient = {
  client_id: CLIENT_ID,
  token_endpoint_auth_method: 'none',
  redirect_uris: [CALLBACK],
  response_types: ['code'],
  grant_types: ['authorization_code', 'refresh_token'],
  first_party: true,
};

export class RelyingParty {
  private constructor(readonly config: oidc.Configuration) {}

  static async discover(issuer: string): Promise<RelyingParty> {
    const config = await oidc.discovery(new URL(issuer), CLIENT_ID, undefined, oidc.None(), {
      execute: [oidc.allowInsecureRequests],
    });
    // The token, UserInfo and refresh answers' Server-Timing, for the step that asked (server-timing.ts).
    config[oidc.customFetch] = async (...args) => {
      const response = await fetch(...args);
      noteServerTiming(response);
      return response;
    };
    return new RelyingParty(config);
  }

  /** A code + PKCE authorization asking for a refresh token; `extra` adds parameters (prompt=none). */
  async authorize(extra: Record<string, string> = { prompt: 'consent' }): Promise<Authorization> {
    return codeAuthorization(this.config, CALLBACK, 'openid profile offline_access', extra);
  }

  userinfo(accessToken: string, sub: string) {
    return oidc.fetchUserInfo(this.config, accessToken, sub);
  }

  refresh(refreshToken: string) {
    return oidc.refreshTokenGrant(this.config, refreshToken);
  }
}
