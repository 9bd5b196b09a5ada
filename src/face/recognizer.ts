/**
 * From images to "this is account X" or "nobody we know": the engine's analyses, the liveness
 * check when a burst comes with a challenge, the presentation-attack model's verdict when it is on
 * (before any account is looked at), the gallery's nearest accounts, the threshold policy
 * and the decision rule, with everything an audit log needs. Several frames of one attempt are
 * fused into one embedding (their normalised mean). A live burst is matched by its frames facing
 * the camera; once an account is chosen, every frame of the burst, turned ones included, must be
 * that account's person too (a victim's photo facing the camera and someone else doing the moves
 * is not a sign-in).
 */
import type { FaceEngine } from './engine.js';
import { fuse } from './embed/vectors.js';
import type { FaceAnalysis } from './pipeline.js';
import { decideIdentification, decideVerification, type Decision } from './match/decision.js';
import type { Gallery } from './match/gallery.js';
import type { ThresholdPolicy } from './match/threshold-policy.js';
import { checkBurst, firstStranger, identityAlong, type BurstFrames, type LivenessSettings, type LivenessVerdict } from './liveness/burst-check.js';
import { framesOf, type Step } from './liveness/challenge.js';
import { analyzeBurst } from './liveness/analyze-burst.js';
import { judgePresentation, type PresentationVerdict } from './presentation-attack/judge.js';

type NotLive = Extract<LivenessVerdict, { live: false }>;

export type Recognition =
  | { mode: '1:N' | '1:1'; decision: Decision; threshold: number; analyses: BurstFrames }
  /** 1:N is not safe at this gallery size: ask for the account name and verify 1:1. */
  | { mode: 'identification_refused'; reason: string; analyses: BurstFrames }
  /** The burst did not show a live person performing the challenge (or not the account's person throughout). */
  | { mode: 'not_live'; verdict: NotLive; analyses: BurstFrames }
  /** The presentation-attack model's median live score is below its threshold (face.presentationAttackDetection). */
  | { mode: 'presentation_attack'; verdict: PresentationVerdict; analyses: BurstFrames };

/** A challenge the burst must perform, and how strictly. */
export interface LivenessRequest {
  steps: readonly Step[];
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
   * the frames are a burst that must perform its steps; its frontal frames are matched, and then
   * all of its frames are checked against the account chosen.
   */
  async recognize(frames: readonly Uint8Array[], options: { claimedAccount?: string; liveness?: LivenessRequest } = {}): Promise<Recognition> {
    const [probe] = await Promise.all([this.probe(frames, options.liveness), this.gallery.refresh()]);
    if ('notLive' in probe) return { mode: 'not_live', verdict: probe.notLive, analyses: probe.analyses };
    const { analyses, embedding, live } = probe;
    if (this.presentationThreshold !== undefined) {
      const verdict = judgePresentation(analyses.filter((a): a is FaceAnalysis => a !== undefined), this.presentationThreshold);
      if (!verdict.live) return { mode: 'presentation_attack', verdict, analyses };
    }
    const recognition = await this.match(embedding, analyses, options.claimedAccount);
    if (options.liveness && live && 'decision' in recognition && recognition.decision.accepted) {
      const stranger = this.notAccountsPerson(recognition.decision.accountId, analyses, live, options.liveness.settings);
      if (stranger) return { mode: 'not_live', verdict: { live: false, reason: 'not_same_person', labels: live.labels, detail: { ...stranger, against: 'account' } }, analyses };
    }
    return recognition;
  }

  private async match(embedding: Float32Array, analyses: BurstFrames, claimedAccount?: string): Promise<Recognition> {
    if (claimedAccount) {
      const threshold = this.policy.verification();
      const distance = this.gallery.accountDistance(embedding, claimedAccount);
      return { mode: '1:1', decision: decideVerification(claimedAccount, distance, { threshold, margin: this.margin }), threshold, analyses };
    }
    const rule = this.policy.identification(this.gallery.accountCount);
    if (!rule.allowed) return { mode: 'identification_refused', reason: rule.reason, analyses };
    const candidates = await this.gallery.nearestAccounts(embedding, 2);
    return { mode: '1:N', decision: decideIdentification(candidates, { threshold: rule.threshold, margin: this.margin }), threshold: rule.threshold, analyses };
  }

  /** The first frame of a live burst that is not the person enrolled as `accountId`, or undefined. */
  private notAccountsPerson(accountId: string, analyses: BurstFrames, verdict: Extract<LivenessVerdict, { live: true }>, settings: LivenessSettings) {
    const present = analyses.flatMap((a, i) => (a ? [i] : []));
    // An accepted account has templates, so the distance is defined; Infinity would refuse anyway.
    const fromAccount = (e: Float32Array) => this.gallery.accountDistance(e, accountId) ?? Infinity;
    return firstStranger(identityAlong(analyses, present, verdict.labels, fromAccount, settings.metric), settings.account, false);
  }

  /** The embedding to match: every frame fused, or a live burst's frontal frames fused (with its verdict). */
  private async probe(frames: readonly Uint8Array[], liveness?: LivenessRequest): Promise<
    { analyses: BurstFrames; embedding: Float32Array; live?: Extract<LivenessVerdict, { live: true }> } | { analyses: BurstFrames; notLive: NotLive }
  > {
    if (!liveness) {
      const analyses: FaceAnalysis[] = await Promise.all(frames.map((f) => this.engine.analyze(f)));
      return { analyses, embedding: fuse(analyses.map((a) => a.embedding)) };
    }
    // A burst of another length than the timeline's is refused before any frame is analysed.
    if (frames.length !== framesOf(liveness.steps)) {
      return { analyses: [], notLive: { live: false, reason: 'wrong_frame_count', detail: { frames: frames.length, expected: framesOf(liveness.steps) } } };
    }
    const analyses = await analyzeBurst(this.engine, frames);
    const verdict = checkBurst(analyses, liveness.steps, liveness.settings);
    if (!verdict.live) return { analyses, notLive: verdict };
    return { analyses, live: verdict, embedding: fuse(verdict.frontal.map((i) => analyses[i]!.embedding)) };
  }
}
