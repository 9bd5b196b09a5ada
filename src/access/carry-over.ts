/**
 * Carrying an account over to the configured embedder at sign-in, so people move to a new model
 * without enrolling again. A sign-in accepted under an older model adds one template of the
 * configured model, made from its own frames, only when all of these hold:
 * - it passed the liveness challenge (a live person, not a photo, gave the frames);
 * - its distance under the older model is well inside that model's threshold (at most
 *   CARRY_OVER_SHARE of it), so a borderline accept, which may be a stranger, is not made permanent;
 * - the account has no template of the configured model yet (one carried template at most: the
 *   person's next enrolment replaces it with proper ones).
 * The addition is audited (type "enrollment", result "carried_over"). Otherwise the account stays
 * under the older model and moves over at its next enrolment.
 */
import type { TemplateStore } from '../../adapters/contract.js';
import type { Recognition } from '../face/recognizer.js';
import type { AuditTrail } from './audit-trail.js';
import { round } from '../face/round.js';

export const CARRY_OVER_SHARE = 0.8;

export interface CarryOverContext {
  /** The configured embedder: the template is of this model. */
  model: string;
  /** Whether the frames passed the liveness challenge. */
  live: boolean;
  clientId: string;
  ip: string;
  interaction: string;
}

/** Adds the template when the rules allow; says whether it did. */
export async function carryOver(
  recognition: Recognition,
  ctx: CarryOverContext,
  templates: TemplateStore,
  audit: AuditTrail,
): Promise<boolean> {
  if (recognition.kind !== '1:1' && recognition.kind !== '1:N') return false;
  const { decision, threshold, probe } = recognition;
  if (decision.kind !== 'accepted' || decision.model === ctx.model || !ctx.live) return false;
  if (decision.distance > CARRY_OVER_SHARE * threshold) return false;
  const embedding = probe[ctx.model];
  if (!embedding) return false;
  if ((await templates.listForAccount(decision.accountId)).some((t) => t.model === ctx.model)) return false;
  await templates.add(decision.accountId, ctx.model, [embedding]);
  await audit.record({
    type: 'enrollment',
    result: 'carried_over',
    accountId: decision.accountId,
    clientId: ctx.clientId,
    ip: ctx.ip,
    detail: {
      interaction: ctx.interaction,
      from: decision.model,
      to: ctx.model,
      distance: round(decision.distance, 4),
      threshold: round(threshold, 4),
      templates: 1,
    },
  });
  return true;
}
