import type { ProviderPages } from '../src/oidc/pages.js';
import { SENTENCES } from '../src/sentences.js';
import { isStoreUnavailable, markStoreUnavailable } from '../src/store-outage.js';
import { providerPageHeaders } from './page-headers.js';
import { renderPage } from './views.js';

/** What an error code means to the person in front of the browser. */
const plainWords: Record<string, string> = {
  invalid_client: SENTENCES.invalid_client,
  invalid_redirect_uri: SENTENCES.invalid_redirect_uri,
  server_error: SENTENCES.server_error,
};

/** The pages oidc-provider renders, in our views. */
export const providerPages: ProviderPages = {
  renderError(ctx, out, error) {
    if (isStoreUnavailable(error)) {
      // Rendered before the provider's server_error event, on some of its paths: mark it here too.
      markStoreUnavailable(ctx);
      renderPage(ctx, 'error', {
        title: 'Sign-in error',
        error: 'temporarily_unavailable',
        description: SENTENCES.temporarily_unavailable,
      });
      return;
    }
    const description = plainWords[out.error] ?? out.error_description ?? SENTENCES.request_failed;
    renderPage(ctx, 'error', { title: 'Sign-in error', error: out.error, description });
  },
  logoutSource(ctx, form) {
    renderPage(ctx, 'logout', { title: 'Sign out', form, clientName: clientName(ctx.oidc.client) });
  },
  postLogoutSuccessSource(ctx) {
    renderPage(ctx, 'logged-out', { title: 'Signed out', clientName: clientName(ctx.oidc.client) });
  },
  headers: providerPageHeaders,
};

function clientName(client: { clientName?: string; clientId: string } | undefined): string | undefined {
  return client && (client.clientName ?? client.clientId);
}
