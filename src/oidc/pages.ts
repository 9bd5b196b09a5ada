import type { Middleware } from 'koa';
import type { Configuration } from 'oidc-provider';

type Features = NonNullable<Configuration['features']>;
type Logout = NonNullable<Features['rpInitiatedLogout']>;

/**
 * The pages oidc-provider renders itself, supplied by the interaction UI (interactions/) so that
 * the provider core holds no markup.
 */
export interface ProviderPages {
  renderError: NonNullable<Configuration['renderError']>;
  logoutSource: NonNullable<Logout['logoutSource']>;
  postLogoutSuccessSource: NonNullable<Logout['postLogoutSuccessSource']>;
  /** Runs around each of oidc-provider's responses: the headers of the HTML it writes itself (form_post). */
  headers: Middleware;
}
