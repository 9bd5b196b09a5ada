import type { KoaContextWithOIDC } from 'oidc-provider';
import type { ProviderPages } from '../src/oidc/pages.js';
import { isStoreUnavailable, markStoreUnavailable } from '../src/store-outage.js';
import { providerPageHeaders } from './page-headers.js';
import { renderPage } from './views.js';
import { chooseFor, Words } from './words.js';

/** The error codes we say in the person's words; others show oidc-provider's error_description as it is. */
const PLAIN_WORDS = ['invalid_client', 'invalid_redirect_uri', 'server_error'] as const;
const hasPlainWords = (code: string): code is (typeof PLAIN_WORDS)[number] =>
  (PLAIN_WORDS as readonly string[]).includes(code);

/** The language of a page oidc-provider renders: the request's own ui_locales (/auth, end_session), else the browser's. */
function wordsOf(ctx: KoaContextWithOIDC): Words {
  return new Words(chooseFor(ctx, ctx.oidc?.params?.ui_locales));
}

/** The pages oidc-provider renders, in our views. */
export const providerPages: ProviderPages = {
  renderError(ctx, out, error) {
    const words = wordsOf(ctx);
    if (isStoreUnavailable(error)) {
      // Rendered before the provider's server_error event, on some of its paths: mark it here too.
      markStoreUnavailable(ctx);
      renderPage(ctx, 'error', words, {
        title: words.t('error.title'),
        error: 'temporarily_unavailable',
        description: words.t('temporarily_unavailable'),
      });
      return;
    }
    const description = hasPlainWords(out.error)
      ? words.t(out.error)
      : (out.error_description ?? words.t('request_failed'));
    renderPage(ctx, 'error', words, { title: words.t('error.title'), error: out.error, description });
  },
  logoutSource(ctx, form) {
    const words = wordsOf(ctx);
    renderPage(ctx, 'logout', words, { title: words.t('logout.title'), form, clientName: clientName(ctx.oidc.client) });
  },
  postLogoutSuccessSource(ctx) {
    const words = wordsOf(ctx);
    renderPage(ctx, 'logged-out', words, {
      title: words.t('logged_out.title'),
      clientName: clientName(ctx.oidc.client),
    });
  },
  headers: providerPageHeaders,
};

function clientName(client: { clientName?: string; clientId: string } | undefined): string | undefined {
  return client && (client.clientName ?? client.clientId);
}
