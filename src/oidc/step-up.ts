import { interactionPolicy, type KoaContextWithOIDC } from 'oidc-provider';
import { asksForLiveness, faceLivenessAcr } from './acr.js';

const { base, Check } = interactionPolicy;

/**
 * oidc-provider's interaction policy, with one more reason to ask for the login prompt: the client
 * asks for the liveness acr (acr_values) and the session was made without the challenge (acr
 * urn:facegate:acr:face, liveness off). By default acr_values is only a wish and the session would
 * answer with its weaker acr; here the person signs in again, with the challenge. With
 * prompt=none oidc-provider answers login_required, this check's error, and no code.
 */
export function interactionPolicyWithStepUp(): interactionPolicy.DefaultPolicy {
  const policy = base();
  policy.get('login')!.checks.add(
    new Check(
      'liveness_step_up',
      'the client asks for the liveness check, and this session was made without it',
      'login_required',
      (ctx: KoaContextWithOIDC) => {
        const { session, params } = ctx.oidc;
        if (!session?.accountId || !asksForLiveness(params?.acr_values)) return Check.NO_NEED_TO_PROMPT;
        return session.acr === faceLivenessAcr ? Check.NO_NEED_TO_PROMPT : Check.REQUEST_PROMPT;
      },
    ),
  );
  return policy;
}
