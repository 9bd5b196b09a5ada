/**
 * Thresholds from a wanted false-accept rate per sign-in.
 *
 * 1:N compares a stranger with every enrolled account: with N accounts and a per-comparison
 * false-match rate f, the chance that one of them falls within the threshold is 1 - (1 - f)^N,
 * about N f. To keep that at the target F, f = 1 - (1 - F)^(1/N), and the threshold is the
 * impostor distance quantile at f: it tightens as the gallery grows, and genuine users are refused
 * more often. Past the size where f is smaller than anything the calibration measured, or where
 * the threshold would refuse more genuine users than the operator accepts, 1:N is refused and
 * sign-in asks for the account name (1:1, where N = 1).
 */
import { interpolate, type Calibration } from './calibration.js';
import { FaceSetupError } from '../errors.js';

export type IdentificationThreshold =
  | { allowed: true; threshold: number; falseMatchRate: number; genuineAcceptRate: number | null }
  | {
      allowed: false;
      reason: 'beyond_measurement' | 'too_many_rejections';
      falseMatchRate: number;
      genuineAcceptRate: number | null;
    };

export interface PolicySettings {
  /** Wanted chance per sign-in that a stranger is accepted as someone. */
  targetFalseAcceptRate: number;
  /** 1:N is refused when its threshold would accept fewer genuine users than this (LFW-measured). */
  minGenuineAcceptRate: number;
  /** A fixed threshold overrides the calibration (for custom embedders, or by choice). */
  fixedThreshold: number | null;
}

export class ThresholdPolicy {
  constructor(
    private readonly settings: PolicySettings,
    private readonly calibration: Calibration | null,
  ) {
    if (settings.fixedThreshold === null && !calibration) {
      throw new FaceSetupError(
        'face: no calibration for this embedder and pipeline, so no threshold can be derived: set face.threshold, or measure one with `facegate eval --calibration models/calibration/ID.json`',
      );
    }
  }

  /** The per-comparison false-match rate that keeps a gallery of `accounts` at the target. */
  perComparisonRate(accounts: number): number {
    return 1 - (1 - this.settings.targetFalseAcceptRate) ** (1 / Math.max(1, accounts));
  }

  identification(accounts: number): IdentificationThreshold {
    const f = this.perComparisonRate(accounts);
    if (this.settings.fixedThreshold !== null) {
      return {
        allowed: true,
        threshold: this.settings.fixedThreshold,
        falseMatchRate: f,
        genuineAcceptRate: this.genuineAt(this.settings.fixedThreshold),
      };
    }
    const cal = this.calibration!;
    if (f < cal.falseMatch[0][0])
      return { allowed: false, reason: 'beyond_measurement', falseMatchRate: f, genuineAcceptRate: null };
    const threshold = interpolate(cal.falseMatch, f, true);
    const genuineAcceptRate = this.genuineAt(threshold);
    if (genuineAcceptRate !== null && genuineAcceptRate < this.settings.minGenuineAcceptRate) {
      return { allowed: false, reason: 'too_many_rejections', falseMatchRate: f, genuineAcceptRate };
    }
    return { allowed: true, threshold, falseMatchRate: f, genuineAcceptRate };
  }

  /** 1:1 against one claimed account: one comparison, so the per-comparison rate is the target itself. */
  verification(): number {
    if (this.settings.fixedThreshold !== null) return this.settings.fixedThreshold;
    const { falseMatch } = this.calibration!;
    // A target below what was measured gets the strictest measured threshold.
    return interpolate(falseMatch, Math.max(this.settings.targetFalseAcceptRate, falseMatch[0][0]), true);
  }

  private genuineAt(threshold: number): number | null {
    return this.calibration ? interpolate(this.calibration.genuineAccept, threshold) : null;
  }
}
