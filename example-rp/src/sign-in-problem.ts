import { ErrorResponse, ErrorTimeout } from 'oidc-client-ts';

/** Why a sign-in or sign-out did not complete: an OAuth error code and what the provider said. */
export interface SignInProblem {
  error: string;
  description?: string;
}

/**
 * Turns what oidc-client-ts threw into a SignInProblem. Errors the provider sent back
 * (`?error=access_denied&error_description=...`) keep their code and text as sent; failures on
 * our side get codes of their own, so the error page can say what to do.
 */
export function toSignInProblem(error: unknown): SignInProblem {
  if (error instanceof ErrorResponse) {
    return { error: error.error ?? 'sign_in_failed', description: error.error_description ?? undefined };
  }
  if (error instanceof ErrorTimeout) return { error: 'provider_timeout', description: error.message };
  const message = error instanceof Error ? error.message : String(error);
  // oidc-client-ts's words when the callback's state is not in this tab's storage.
  if (/no matching state/i.test(message)) return { error: 'unexpected_response', description: message };
  // fetch() rejects with a TypeError when the provider cannot be reached (or CORS refuses it).
  if (error instanceof TypeError) return { error: 'provider_unreachable', description: message };
  return { error: 'sign_in_failed', description: message };
}

/** The page's plain words for each code; the code and the provider's own text are shown below them. */
const plainWords: Record<string, { title: string; text: string }> = {
  access_denied: {
    title: 'Sign-in was not completed',
    text: 'You cancelled sign-in or the face check failed 5 times.',
  },
  login_required: { title: 'Please sign in', text: 'The provider needs you to sign in again.' },
  interaction_required: { title: 'Please sign in', text: 'The provider needs you to sign in again.' },
  consent_required: { title: 'Permission needed', text: 'The provider needs you to allow this app first.' },
  invalid_request: {
    title: 'Sign-in request refused',
    text: 'The provider did not accept this app’s request. Its registration may not match.',
  },
  invalid_scope: {
    title: 'Sign-in request refused',
    text: 'This app asked for information the provider does not offer.',
  },
  unauthorized_client: {
    title: 'App not allowed',
    text: 'This app is not allowed to sign you in this way. Check its registration with the provider.',
  },
  unsupported_response_type: {
    title: 'App not allowed',
    text: 'The provider does not support the sign-in flow this app uses.',
  },
  invalid_grant: { title: 'Sign-in expired', text: 'The sign-in took too long or was already used. Please try again.' },
  server_error: {
    title: 'The provider had a problem',
    text: 'Something went wrong at the sign-in service. Please try again in a moment.',
  },
  temporarily_unavailable: {
    title: 'The provider is busy',
    text: 'The sign-in service is temporarily unavailable. Please try again in a moment.',
  },
  provider_unreachable: {
    title: 'Provider unreachable',
    text: 'This app could not reach the sign-in service. Check that it is running.',
  },
  provider_timeout: {
    title: 'Provider did not answer',
    text: 'The sign-in service took too long to answer. Please try again.',
  },
  unexpected_response: {
    title: 'Sign-in not recognised',
    text: 'This tab did not start the sign-in it was sent back from (it may have been reloaded or opened twice). Please start again.',
  },
};

export function explain(problem: SignInProblem): { title: string; text: string } {
  return plainWords[problem.error] ?? { title: 'Sign-in failed', text: 'The sign-in could not be completed.' };
}
