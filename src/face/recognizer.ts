/**
 * From images to "this is account X" or "nobody we know": the engine's analyses, the liveness
 * check when a burst comes with a challenge, the presentation-attack model's verdict when it is on
 * (before any account is looked at), the gallery's nearest accounts, the threshold policy
 * and the decision rule, with everything an audit log needs. Several frames of one attempt are
 * fused into one embedding (their normalised mean).
 */
import type { FaceEngine } from './engine.js';
import { fuse } from './embed/vectors.js';
import type { FaceAnalysis } from './pipeline.js';
import { decideIdentification, decideVerification, type Decision } from './match/decision.js';
import type { Gallery } from './match/gallery.js';
import type { ThresholdPolicy } from './match/threshold-policy.js';
import { checkBurst, type LivenessSettings, type LivenessVerdict } from './liveness/burst-check.js';
import type { Move } from './liveness/challenge.js';
import { analyzeBurst } from './liveness/analyze-burst.js';
import { judgePresentation, type PresentationVerdict } from './presentation-attack/judge.js';

export type Recognition =
  | { mode: '1:N' | '1:1'; decision: Decision; threshold: number; analyses: FaceAnalysis[] }
  /** 1:N is not safe at this gallery size: ask for the account name and verify 1:1. */
  | { mode: 'identification_refused'; reason: string; analyses: FaceAnalysis[] }
  /** The burst did not show a live person performing the challenge. */
  | { mode: 'not_live'; verdict: Extract<LivenessVerdict, { live: false }>; analyses: FaceAnalysis[] }
  /** The presentation-attack model's median live score is below its threshold (face.presentationAttackDetection). */
  | { mode: 'presentation_attack'; verdict: PresentationVerdict; analyses: FaceAnalysis[] };

/** A challenge the burst must perform, and how strictly. */
export interface LivenessRequest {
  moves: readonly Move[];
  settings: LivenessSettings;
}

export class FaceRecognizer {
  constructor(
    readonly engine: FaceEngine,
    readonly gallery: Gallery,
    private readonly policy: ThresholdPolicy,
    private readonly margin: number,
    /** With face.presentationAttackDetection on: the live score an attempt's frames must reach (their median). */
    private readonly presentationThreshold?: number,
  ) {}

  /**
   * Who is this: 1:N among everyone enrolled, or 1:1 against `claimedAccount`. With `liveness`,
   * the frames are a burst that must perform its moves; only its frontal frames are matched.
   */
  async recognize(frames: readonly Uint8Array[], options: { claimedAccount?: string; liveness?: LivenessRequest } = {}): Promise<Recognition> {
    const [probe] = await Promise.all([this.probe(frames, options.liveness), this.gallery.refresh()]);
    if ('verdict' in probe) return { mode: 'not_live', verdict: probe.verdict, analyses: probe.analyses };
    const { analyses, embedding } = probe;
    if (this.presentationThreshold !== undefined) {
      const verdict = judgePresentation(analyses, this.presentationThreshold);
      if (!verdict.live) return { mode: 'presentation_attack', verdict, analyses };
    }
    if (options.claimedAccount) {
      const threshold = this.policy.verification();
      const distance = this.gallery.accountDistance(embedding, options.claimedAccount);
      return { mode: '1:1', decision: decideVerification(options.claimedAccount, distance, { threshold, margin: this.margin }), threshold, analyses };
    }
    const rule = this.policy.identification(this.gallery.accountCount);
    if (!rule.allowed) return { mode: 'identification_refused', reason: rule.reason, analyses };
    const candidates = await this.gallery.nearestAccounts(embedding, 2);
    return { mode: '1:N', decision: decideIdentification(candidates, { threshold: rule.threshold, margin: this.margin }), threshold: rule.threshold, analyses };
  }

  /** The embedding to match: every frame fused, or a live burst's frontal frames fused. */
  private async probe(frames: readonly Uint8Array[], liveness?: LivenessRequest): Promise<
    { analyses: FaceAnalysis[]; embedding: Float32Array } | { analyses: FaceAnalysis[]; verdict: Extract<LivenessVerdict, { live: false }> }
  > {
    if (!liveness) {
      const analyses = await Promise.all(frames.map((f) => this.engine.analyze(f)));
      return { analyses, embedding: fuse(analyses.map((a) => a.embedding)) };
    }
    const analyses = await analyzeBurst(this.engine, frames);
    const verdict = checkBurst(analyses, liveness.moves, liveness.settings);
    if (!verdict.live) return { analyses, verdict };
    return { analyses, embedding: fuse(verdict.frontal.map((i) => analyses[i]!.embedding)) };
  }
}
