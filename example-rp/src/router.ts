import { createRouter, createWebHistory, type RouteLocationRaw, type Router } from 'vue-router';
import type { Auth } from './auth';
import { errorPage } from './error-route';
import CallbackView from './views/CallbackView.vue';
import ErrorView from './views/ErrorView.vue';
import HomeView from './views/HomeView.vue';
import NotFoundView from './views/NotFoundView.vue';
import ProtectedView from './views/ProtectedView.vue';
import SignedOutView from './views/SignedOutView.vue';

/**
 * The app's pages. /callback and the post-logout return to / are the two URLs registered with
 * the provider; /protected starts a sign-in when nobody is signed in.
 */
export function createAppRouter(auth: Auth): Router {
  const router = createRouter({
    history: createWebHistory(),
    routes: [
      {
        path: '/',
        name: 'home',
        component: HomeView,
        beforeEnter: (to) => (to.query.state ? finishSignOut(auth) : true),
      },
      {
        path: '/protected',
        name: 'protected',
        component: ProtectedView,
        beforeEnter: (to) => requireSignIn(auth, to.fullPath),
      },
      { path: '/callback', name: 'callback', component: CallbackView },
      { path: '/signed-out', name: 'signed-out', component: SignedOutView },
      { path: '/error', name: 'error', component: ErrorView },
      { path: '/:unknown(.*)*', name: 'not-found', component: NotFoundView },
    ],
  });
  return router;
}

/** Signed in: go on. Otherwise off to the provider, coming back here afterwards. */
async function requireSignIn(auth: Auth, returnTo: string): Promise<boolean | RouteLocationRaw> {
  if (auth.isSignedIn()) return true;
  try {
    await auth.signIn(returnTo);
    return false;
  } catch (error) {
    return errorPage(error);
  }
}

/** The provider sends the browser back to / with the `state` of the logout request. */
async function finishSignOut(auth: Auth): Promise<RouteLocationRaw> {
  try {
    await auth.finishSignOut();
    return { name: 'signed-out' };
  } catch (error) {
    return errorPage(error);
  }
}
