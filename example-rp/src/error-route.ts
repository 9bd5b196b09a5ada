import type { RouteLocationRaw } from 'vue-router';
import { toSignInProblem } from './sign-in-problem';

/** The error page for what a sign-in or sign-out threw; the code and description travel in its query. */
export function errorPage(error: unknown): RouteLocationRaw {
  const { error: code, description } = toSignInProblem(error);
  return { name: 'error', query: description ? { error: code, error_description: description } : { error: code } };
}
