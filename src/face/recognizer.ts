/**
 * From images to "this is account X" or "nobody we know": the engine's analysis, the gallery's
 * nearest accounts, the threshold policy and the decision rule, with everything an audit log needs.
 * Several frames of one attempt are fused into one embedding (their normalised mean) first.
 */
import type { FaceEngine } from './engine.js';
import { normalise } from './embed/embedder.js';
import type { FaceAnalysis } from './pipeline.js';
import { decideIdentification, decideVerification, type Decision } from './match/decision.js';
import type { Gallery } from './match/gallery.js';
import type { ThresholdPolicy } from './match/threshold-policy.js';

export type Recognition =
  | { mode: '1:N'; decision: Decision; threshold: number; analyses: FaceAnalysis[] }
  | { mode: '1:1'; decision: Decision; threshold: number; analyses: FaceAnalysis[] }
  /** 1:N is not safe at this gallery size: ask for the account name and verify 1:1. */
  | { mode: 'identification_refused'; reason: string; analyses: FaceAnalysis[] };

export class FaceRecognizer {
  constructor(
    readonly engine: FaceEngine,
    readonly gallery: Gallery,
    private readonly policy: ThresholdPolicy,
    private readonly margin: number,
  ) {}

  /** Analyse every frame (each may be refused with a FaceError) and fuse their embeddings. */
  async analyze(frames: readonly Uint8Array[]): Promise<{ analyses: FaceAnalysis[]; embedding: Float32Array }> {
    const analyses = await Promise.all(frames.map((f) => this.engine.analyze(f)));
    return { analyses, embedding: fuse(analyses.map((a) => a.embedding)) };
  }

  /** 1:N: who is this, among everyone enrolled? */
  async identify(frames: readonly Uint8Array[]): Promise<Recognition> {
    const [{ analyses, embedding }] = await Promise.all([this.analyze(frames), this.gallery.refresh()]);
    const rule = this.policy.identification(this.gallery.accountCount);
    if (!rule.allowed) {
      return { mode: 'identification_refused', reason: rule.reason, analyses };
    }
    const candidates = await this.gallery.nearestAccounts(embedding, 2);
    return { mode: '1:N', decision: decideIdentification(candidates, { threshold: rule.threshold, margin: this.margin }), threshold: rule.threshold, analyses };
  }

  /** 1:1: is this the claimed account? */
  async verify(frames: readonly Uint8Array[], accountId: string): Promise<Recognition> {
    const [{ analyses, embedding }] = await Promise.all([this.analyze(frames), this.gallery.refresh()]);
    const threshold = this.policy.verification();
    const decision = decideVerification(accountId, this.gallery.accountDistance(embedding, accountId), { threshold, margin: this.margin });
    return { mode: '1:1', decision, threshold, analyses };
  }
}

/** The normalised mean of unit embeddings: the direction they agree on. */
export function fuse(embeddings: readonly Float32Array[]): Float32Array {
  const sum = new Float32Array(embeddings[0].length);
  for (const e of embeddings) for (let i = 0; i < sum.length; i++) sum[i] += e[i];
  return normalise(sum);
}
