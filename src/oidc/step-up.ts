import { interactionPolicy, type KoaContextWithOIDC } from 'oidc-provider';
import { acrSatisfies, offeredAcrsAsked } from './sign-in-methods.js';

const { base, Check } = interactionPolicy;

/**
 * oidc-provider's interaction policy, with one more reason to ask for the login prompt: the client
 * asks for acr values (acr_values, or the claims parameter) and the session's sign-in gave none of
 * them or anything stronger: made without the liveness challenge when the client asks for it, or
 * with a passkey alone when it asks for a face. By default acr_values is only a wish and the
 * session would answer with its weaker acr; here the person signs in again, in a way that gives
 * what was asked (sign-in-methods.ts). With prompt=none oidc-provider answers login_required, this
 * check's error, and no code.
 */
export function interactionPolicyWithStepUp({ passkeys }: { passkeys: boolean }): interactionPolicy.DefaultPolicy {
  const policy = base();
  policy.get('login')!.checks.add(
    new Check(
      'acr_step_up',
      'the client asks for an acr that this session’s sign-in did not give',
      'login_required',
      (ctx: KoaContextWithOIDC) => {
        const { session, params } = ctx.oidc;
        if (!session?.accountId || !params) return Check.NO_NEED_TO_PROMPT;
        return acrSatisfies(session.acr, offeredAcrsAsked(params, passkeys))
          ? Check.NO_NEED_TO_PROMPT
          : Check.REQUEST_PROMPT;
      },
    ),
  );
  return policy;
}
