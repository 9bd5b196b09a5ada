import { UserManager, WebStorageStateStore, type User } from 'oidc-client-ts';
import { inject, shallowRef, type InjectionKey, type ShallowRef } from 'vue';
import type { RpConfig } from './config';

/** Where the app is after sign-in; carried through the provider in the OAuth `state`. */
interface SignInState {
  returnTo: string;
}

/** The app's whole view of OpenID Connect: one UserManager and the user it holds. */
export interface Auth {
  readonly config: RpConfig;
  /** The signed-in user, kept current for the views (null when signed out or expired). */
  readonly user: Readonly<ShallowRef<User | null>>;
  /** True while the user's tokens are valid (they expire while the tab stays open). */
  isSignedIn(): boolean;
  /**
   * Sends the browser to the provider (authorization code flow with PKCE); `acrValues` asks for
   * how the person must sign in (facegate: `urn:facegate:acr:face+passkey` for face and passkey).
   */
  signIn(returnTo: string, acrValues?: string): Promise<void>;
  /** On /callback: exchanges the code for tokens and returns where to go next. */
  finishSignIn(): Promise<string>;
  /** RP-initiated logout: forgets the user here, then asks the provider to end its session. */
  signOut(): Promise<void>;
  /** On the post-logout redirect: checks the response's state. */
  finishSignOut(): Promise<void>;
}

export async function createAuth(config: RpConfig): Promise<Auth> {
  const origin = window.location.origin;
  const manager = new UserManager({
    authority: config.authority,
    client_id: config.client_id,
    redirect_uri: `${origin}/callback`,
    post_logout_redirect_uri: `${origin}/`,
    response_type: 'code',
    scope: 'openid profile email',
    // The greeting's `name` comes from UserInfo: in the code flow the provider keeps profile
    // claims out of the ID token. The ID token's own claims are read from the token itself.
    loadUserInfo: true,
    // Keep acr, amr and auth_time in the profile: showing how the user signed in is the point.
    filterProtocolClaims: false,
    automaticSilentRenew: false,
    // Per tab and gone when the tab closes: a sample app should not keep tokens longer.
    userStore: new WebStorageStateStore({ store: window.sessionStorage }),
  });

  const user = shallowRef<User | null>(current(await manager.getUser()));
  manager.events.addUserLoaded((loaded) => {
    user.value = current(loaded);
  });
  manager.events.addUserUnloaded(() => {
    user.value = null;
  });

  return {
    config,
    user,
    isSignedIn: () => current(user.value) !== null,
    async signIn(returnTo, acrValues) {
      const state: SignInState = { returnTo };
      await manager.signinRedirect({ state, ...(acrValues ? { acr_values: acrValues } : {}) });
    },
    async finishSignIn() {
      const signedIn = await manager.signinRedirectCallback();
      user.value = current(signedIn);
      return (signedIn.state as SignInState | undefined)?.returnTo ?? '/';
    },
    async signOut() {
      // With state data oidc-client-ts sends a `state`, and the provider hands it back on the
      // post-logout redirect: that is how / tells a return from the provider from a visit.
      await manager.signoutRedirect({ state: { signedOut: true } });
    },
    async finishSignOut() {
      await manager.signoutRedirectCallback();
      user.value = null;
    },
  };
}

/** An expired session counts as signed out: silent renew is off, so signing in again is the way. */
function current(user: User | null): User | null {
  return user && !user.expired ? user : null;
}

export const authKey: InjectionKey<Auth> = Symbol('auth');

export function useAuth(): Auth {
  const auth = inject(authKey);
  if (!auth) throw new Error('useAuth() outside the app: main.ts provides it');
  return auth;
}
