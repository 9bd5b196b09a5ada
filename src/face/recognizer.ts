/**
 * From images to "this is account X" or "nobody we know": the engine's analyses, the liveness
 * check when a burst comes with a challenge, the presentation-attack model's verdict when it is on
 * (before any account is looked at), the gallery's nearest accounts, the threshold policy
 * and the decision rule, with everything an audit log needs. Several frames of one attempt are
 * fused into one embedding (their normalised mean). A live burst is matched by its frames facing
 * the camera; once an account is chosen, every frame of the burst, turned ones included, must be
 * that account's person too (a victim's photo facing the camera and someone else doing the moves
 * is not a sign-in).
 *
 * Accounts not yet carried over to the configured embedder are compared under their own older
 * model (gallery.ts): the frames are embedded by every model the comparison needs, and each model
 * decides with its own calibrated threshold, margin and frame bounds.
 */
import type { FaceEngine } from './engine.js';
import { fuse } from './embed/vectors.js';
import type { EmbeddingsByModel, FaceAnalysis } from './pipeline.js';
import { decideIdentification, decideVerification, type Decision } from './match/decision.js';
import type { Gallery } from './match/gallery.js';
import type { ThresholdPolicy } from './match/threshold-policy.js';
import {
  checkBurst,
  firstStranger,
  identityAlong,
  type BurstFrames,
  type FrameBounds,
  type LivenessSettings,
  type LivenessVerdict,
} from './liveness/burst-check.js';
import { framesOf, type Step } from './liveness/challenge.js';
import { analyzeBurst } from './liveness/analyze-burst.js';
import { judgePresentation, type PresentationVerdict } from './presentation-attack/judge.js';

type NotLive = Extract<LivenessVerdict, { kind: 'not_live' }>;
type Live = Extract<LivenessVerdict, { kind: 'live' }>;

export type Recognition =
  | {
      kind: '1:N' | '1:1';
      decision: Decision;
      /** The threshold of the model the decision was made under. */
      threshold: number;
      analyses: BurstFrames;
      /** The fused embedding that was matched, by model (the configured model's always). */
      probe: EmbeddingsByModel;
    }
  /** 1:N is not safe at this gallery size: ask for the account name and verify 1:1. */
  | { kind: 'identification_refused'; reason: string; model: string; analyses: BurstFrames }
  /** The burst did not show a live person performing the challenge (or not the account's person throughout). */
  | { kind: 'not_live'; verdict: NotLive; analyses: BurstFrames }
  /** The presentation-attack model's median live score is below its threshold (face.presentationAttackDetection). */
  | { kind: 'presentation_attack'; verdict: PresentationVerdict; analyses: BurstFrames };

/** A challenge the burst must perform, and how strictly. */
export interface LivenessRequest {
  steps: readonly Step[];
  settings: LivenessSettings;
}

/** How one embedder decides: its calibrated thresholds, its margin and its bounds on a live burst's frames (in its own distance). */
export interface ModelRules {
  policy: ThresholdPolicy;
  margin: number;
  /** How far each frame of a live burst may be from the account's templates, by pose. */
  frameBounds: FrameBounds;
}

export class FaceRecognizer {
  constructor(
    readonly engine: FaceEngine,
    readonly gallery: Gallery,
    /** By model id: the configured embedder's, and each older one's still loaded. */
    readonly rules: ReadonlyMap<string, ModelRules>,
    /** With face.presentationAttackDetection on: the live score an attempt's frames must reach (their median). */
    private readonly presentationThreshold?: number,
  ) {}

  /** The rules of a model the gallery searches under. */
  rulesOf(model: string): ModelRules {
    const rules = this.rules.get(model);
    if (!rules) throw new Error(`no threshold rules for model ${model}`);
    return rules;
  }

  /**
   * Who is this: 1:N among everyone enrolled, or 1:1 against `claimedAccount`. With `liveness`,
   * the frames are a burst that must perform its steps; its frontal frames are matched, and then
   * all of its frames are checked against the account chosen.
   */
  async recognize(
    frames: readonly Uint8Array[],
    options: { claimedAccount?: string; liveness?: LivenessRequest } = {},
  ): Promise<Recognition> {
    await this.gallery.refresh();
    const claimed = options.claimedAccount;
    const own = claimed === undefined ? undefined : this.gallery.modelOf(claimed);
    const models =
      claimed === undefined ? this.gallery.modelsInUse() : own !== undefined && this.rules.has(own) ? [own] : [];
    const probe = await this.probe(frames, models, options.liveness);
    if ('notLive' in probe) return { kind: 'not_live', verdict: probe.notLive, analyses: probe.analyses };
    const { analyses, embeddings, live } = probe;
    if (this.presentationThreshold !== undefined) {
      const verdict = judgePresentation(
        analyses.filter((a): a is FaceAnalysis => a !== undefined),
        this.presentationThreshold,
      );
      if (verdict.kind === 'presentation_attack') return { kind: 'presentation_attack', verdict, analyses };
    }
    const recognition = await this.match(embeddings, analyses, models, claimed);
    if (live && 'decision' in recognition && recognition.decision.kind === 'accepted') {
      const stranger = this.notAccountsPerson(recognition.decision.accountId, analyses, live);
      if (stranger)
        return {
          kind: 'not_live',
          verdict: {
            kind: 'not_live',
            reason: 'not_same_person',
            labels: live.labels,
            detail: { ...stranger, against: 'account' },
          },
          analyses,
        };
    }
    return recognition;
  }

  private async match(
    embeddings: EmbeddingsByModel,
    analyses: BurstFrames,
    models: readonly string[],
    claimed?: string,
  ): Promise<Recognition> {
    if (claimed !== undefined) {
      const match = this.gallery.accountDistance(embeddings, claimed);
      const { policy, margin } = this.rulesOf(match?.model ?? this.gallery.model);
      const threshold = policy.verification();
      return {
        kind: '1:1',
        decision: decideVerification(claimed, match, { threshold, margin }),
        threshold,
        analyses,
        probe: embeddings,
      };
    }
    // Every model decides at the gallery's full size: a stranger is compared with every account.
    const accounts = this.gallery.accountCount;
    const thresholds = new Map<string, number>();
    for (const model of models.length > 0 ? models : [this.gallery.model]) {
      const rule = this.rulesOf(model).policy.identification(accounts);
      if (!rule.allowed) return { kind: 'identification_refused', reason: rule.reason, model, analyses };
      thresholds.set(model, rule.threshold);
    }
    const candidates = (await this.gallery.nearestAccounts(embeddings, 2)).map((c) => ({
      ...c,
      threshold: thresholds.get(c.model)!,
      margin: this.rulesOf(c.model).margin,
    }));
    const decision = decideIdentification(candidates);
    return {
      kind: '1:N',
      decision,
      threshold: thresholds.get(decision.model ?? this.gallery.model)!,
      analyses,
      probe: embeddings,
    };
  }

  /** The first frame of a live burst that is not the person enrolled as `accountId` (under the account's own model), or undefined. */
  private notAccountsPerson(accountId: string, analyses: BurstFrames, live: Live) {
    const present = analyses.flatMap((a, i) => (a ? [i] : []));
    const model = this.gallery.modelOf(accountId) ?? this.gallery.model;
    const { frameBounds } = this.rulesOf(model);
    // An accepted account has templates, so the distance is defined; Infinity would refuse anyway.
    const fromAccount = (i: number) =>
      this.gallery.accountDistance(analyses[i]!.embeddings, accountId)?.distance ?? Infinity;
    return firstStranger(identityAlong(present, live.labels, fromAccount), frameBounds);
  }

  /** The embeddings to match, by model: every frame fused, or a live burst's frontal frames fused (with its verdict). */
  private async probe(
    frames: readonly Uint8Array[],
    models: readonly string[],
    liveness?: LivenessRequest,
  ): Promise<
    { analyses: BurstFrames; embeddings: EmbeddingsByModel; live?: Live } | { analyses: BurstFrames; notLive: NotLive }
  > {
    const older = models.filter((m) => m !== this.gallery.model);
    if (!liveness) {
      const analyses = await Promise.all(frames.map((f) => this.engine.analyze(f, older)));
      return { analyses, embeddings: fuseByModel(analyses) };
    }
    // A burst of another length than the timeline's is refused before any frame is analysed.
    if (frames.length !== framesOf(liveness.steps)) {
      return {
        analyses: [],
        notLive: {
          kind: 'not_live',
          reason: 'wrong_frame_count',
          detail: { frames: frames.length, expected: framesOf(liveness.steps) },
        },
      };
    }
    const analyses = await analyzeBurst(this.engine, frames, older);
    const verdict = checkBurst(analyses, liveness.steps, liveness.settings);
    if (verdict.kind === 'not_live') return { analyses, notLive: verdict };
    return { analyses, live: verdict, embeddings: fuseByModel(verdict.frontal.map((i) => analyses[i]!)) };
  }
}

/** Each model's embeddings of several analyses of one face, fused. */
export function fuseByModel(analyses: readonly FaceAnalysis[]): EmbeddingsByModel {
  const models = Object.keys(analyses[0]?.embeddings ?? {});
  return Object.fromEntries(models.map((m) => [m, fuse(analyses.map((a) => a.embeddings[m]!))]));
}
