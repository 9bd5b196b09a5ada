import type { ProviderPages } from '../src/oidc/pages.js';
import { isStoreUnavailable, markStoreUnavailable, STORE_UNAVAILABLE_MESSAGE } from '../src/server/store-unavailable.js';
import { providerPageHeaders } from './page-headers.js';
import { renderPage } from './views.js';

/** What an error code means to the person in front of the browser. */
const plainWords: Record<string, string> = {
  invalid_client: 'The application that sent you here is not registered with this sign-in service.',
  invalid_redirect_uri: 'The application asked to send you back to an address it has not registered.',
  server_error: 'The sign-in service had a problem. Try again in a moment.',
};

/** The pages oidc-provider renders, in our views. */
export const providerPages: ProviderPages = {
  renderError(ctx, out, error) {
    if (isStoreUnavailable(error)) {
      // Rendered before the provider's server_error event, on some of its paths: mark it here too.
      markStoreUnavailable(ctx);
      renderPage(ctx, 'error', { title: 'Sign-in error', error: 'temporarily_unavailable', description: STORE_UNAVAILABLE_MESSAGE });
      return;
    }
    const description = plainWords[out.error] ?? out.error_description ?? 'The request could not be completed.';
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
