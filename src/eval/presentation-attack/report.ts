/**
 * eval-pad's figures from the scores: BPCER per photo set at each candidate threshold, the
 * threshold chosen on one set and the BPCER it gives on the other, and the rendered attacks'
 * scores (information only), as plain data for --json; and the same as text.
 */
import { percentile } from '../percentile.js';
import { FLAT_ATTACKS } from '../liveness/attacks.js';
import type { Framing } from './framings.js';
import {
  chooseThreshold,
  CANDIDATE_THRESHOLDS,
  refusedShare,
  type RenderedAttackScores,
  type ScoredPhotos,
} from './evaluate.js';
import { round } from '../../face/round.js';

export type PhotoSet = 'faces' | 'lfw';

export interface PadInput {
  dirs: Record<PhotoSet, string>;
  framing: Framing;
  scored: Record<PhotoSet, ScoredPhotos>;
  attacks?: RenderedAttackScores;
  chooseOn: PhotoSet;
  maxBpcer: number;
  loadAverage: [number, number];
}

export function padReport({ dirs, framing, scored, attacks, chooseOn, maxBpcer, loadAverage }: PadInput) {
  const reportOn: PhotoSet = chooseOn === 'faces' ? 'lfw' : 'faces';
  const chosen = chooseThreshold(scored[chooseOn].scores, maxBpcer);
  const modelMs = [...scored.faces.modelMs, ...scored.lfw.modelMs];
  const source = (set: PhotoSet) => ({
    dir: dirs[set],
    photos: scored[set].photos,
    scored: scored[set].scores.length,
    refused_before_the_model: scored[set].refusedBefore,
    mean_live_score: round(mean(scored[set].scores), 4),
    median_live_score: round(percentile(scored[set].scores, 0.5), 4),
  });
  return {
    framing,
    sources: { faces: source('faces'), lfw: source('lfw') },
    thresholds: CANDIDATE_THRESHOLDS.map((t) => ({
      threshold: t,
      bpcer: { faces: refusedShare(scored.faces.scores, t), lfw: refusedShare(scored.lfw.scores, t) },
      rendered_attacks_passing:
        attacks && Object.fromEntries(FLAT_ATTACKS.map((type) => [type, 1 - refusedShare(attacks.scores[type], t)])),
    })),
    chosen: {
      on: chooseOn,
      max_bpcer: maxBpcer,
      threshold: chosen,
      bpcer_chosen_on: chosen === null ? null : refusedShare(scored[chooseOn].scores, chosen),
      reported_on: reportOn,
      bpcer_reported: chosen === null ? null : refusedShare(scored[reportOn].scores, chosen),
      refused_reported: chosen === null ? null : scored[reportOn].scores.filter((s) => s < chosen).length,
      scored_reported: scored[reportOn].scores.length,
    },
    rendered_attacks: attacks && {
      refused_before_the_model: attacks.refusedBefore,
      types: Object.fromEntries(
        FLAT_ATTACKS.map((type) => [
          type,
          {
            bursts: attacks.scores[type].length,
            mean_live_score: round(mean(attacks.scores[type]), 4),
            passing_chosen: chosen === null ? null : 1 - refusedShare(attacks.scores[type], chosen),
          },
        ]),
      ),
    },
    model_ms: {
      p50: round(percentile(modelMs, 0.5), 2),
      p95: round(percentile(modelMs, 0.95), 2),
      frames: modelMs.length,
      load_average: loadAverage,
    },
  };
}

export type PadReport = ReturnType<typeof padReport>;

export function padReportText(r: PadReport): string {
  const pct = (x: number | null) => (x === null || Number.isNaN(x) ? 'n/a' : `${(100 * x).toFixed(1)}%`);
  const codes = (c: Record<string, number>) =>
    Object.entries(c)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ') || 'none';
  const lines: string[] = [];
  for (const [name, s] of Object.entries(r.sources)) {
    lines.push(
      `${name}: ${s.dir}: ${s.photos} photos, ${s.scored} scored (refused before the model: ${codes(s.refused_before_the_model)}); live score mean ${s.mean_live_score}, median ${s.median_live_score}`,
    );
  }
  lines.push(
    '',
    `real photos refused (BPCER), each photo one 640x480 webcam frame, framing "${r.framing}" (src/eval/presentation-attack/framings.ts)`,
  );
  lines.push(
    `threshold    faces     LFW${r.rendered_attacks ? `   rendered attacks passing: ${FLAT_ATTACKS.join(' / ')} (information, not APCER)` : ''}`,
  );
  for (const t of r.thresholds) {
    const passing = t.rendered_attacks_passing
      ? `   ${FLAT_ATTACKS.map((type) => pct(t.rendered_attacks_passing![type])).join(' / ')}`
      : '';
    lines.push(
      `${String(t.threshold).padEnd(10)}${pct(t.bpcer.faces).padStart(7)}${pct(t.bpcer.lfw).padStart(8)}${passing}`,
    );
  }
  const c = r.chosen;
  lines.push('');
  if (c.threshold === null)
    lines.push(`no candidate threshold refuses at most ${pct(c.max_bpcer)} of ${c.on}'s photos`);
  else {
    lines.push(
      `chosen on ${c.on}: ${c.threshold}, the strictest candidate refusing at most ${pct(c.max_bpcer)} of its photos (${pct(c.bpcer_chosen_on)})`,
    );
    lines.push(
      `reported on ${c.reported_on} at ${c.threshold}: BPCER ${pct(c.bpcer_reported)} (${c.refused_reported} of ${c.scored_reported} photos refused)`,
    );
  }
  if (r.rendered_attacks) {
    lines.push(
      '',
      'rendered attacks (src/eval/liveness/attacks.ts; rendered, not re-captured: information, not evidence of APCER)',
    );
    for (const [type, a] of Object.entries(r.rendered_attacks.types)) {
      lines.push(
        `${type.padEnd(8)} ${a.bursts} bursts, median-of-frames live score: mean ${a.mean_live_score}; passing at ${c.threshold}: ${pct(a.passing_chosen)}`,
      );
    }
    lines.push(`bursts refused before the model: ${codes(r.rendered_attacks.refused_before_the_model)}`);
  }
  const m = r.model_ms;
  lines.push(
    '',
    `model time per frame: p50 ${m.p50} ms, p95 ${m.p95} ms (${m.frames} frames; load average ${m.load_average.join(' -> ')}: a shared machine, timing is noisy)`,
  );
  return lines.join('\n');
}

function mean(values: readonly number[]): number {
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : NaN;
}
