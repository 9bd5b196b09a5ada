/**
 * The liveness check measured like a presentation-attack-detection lab (ISO/IEC 30107-3): APCER per
 * attack (the share of attack presentations that would sign in as the victim) and BPCER (the share
 * of bona fide presentations refused as not live), through the same decision a sign-in takes: the
 * burst check, the 1:1 match of the claimed account and every frame against that account.
 * Each person is enrolled with their other photos; every presentation answers its own challenge.
 */
import type { FaceEngine } from '../../face/engine.js';
import {
  measureBurst,
  type BurstFrames,
  type BurstMeasures,
  type LivenessSettings,
} from '../../face/liveness/burst-check.js';
import { framesOf, stepOfFrames } from '../../face/liveness/challenge.js';
import type { Pose } from '../../face/liveness/pose.js';
import type { FaceAnalysis } from '../../face/pipeline.js';
import { fuse } from '../../face/embed/vectors.js';
import { distance } from '../../face/match/distance.js';
import { Gallery } from '../../face/match/gallery.js';
import { MemoryTemplateSource } from '../../face/match/memory-template-source.js';
import { FaceRecognizer, type ModelRules, type Recognition } from '../../face/recognizer.js';
import { percentile } from '../percentile.js';
import { Prng } from '../prng.js';
import { ATTACKS, attack, bonaFide, randomChallenge, type Attack, type Challenge } from './presentations.js';
import { subjectFrom, type Subject } from './subjects.js';
import { round } from '../../face/round.js';
import { flipped, thumbnailDissimilarity } from '../../face/liveness/mirror.js';

export interface Rate {
  presentations: number;
  /** Attacks accepted, or bona fide presentations refused as not live. */
  errors: number;
  rate: number | null;
  /** What each presentation ended as (accepted, or the refusal's reason), counted. */
  outcomes: Record<string, number>;
  /** The ways the attack was built, with presentations and acceptances each. */
  variants: Record<string, { presentations: number; accepted: number }>;
}

export interface LivenessReport {
  subjects: number;
  apcer: Partial<Record<Attack, Rate>>;
  bpcer: Rate | null;
  /**
   * Bona fide presentations that passed the live check but were not recognised: their frames facing
   * the camera not near enough the account (1:1), or a frame farther from the account than the
   * account bound (`not_account_person`). Recognition errors, not presentation-attack ones.
   */
  bonaFideNotRecognised: number;
  burst_ms: { p50: number; p95: number; frames: string } | null;
  /**
   * Server time of a single-frame sign-in (liveness off) with each bona fide burst's first frame,
   * timed right after the burst, so that the burst's added time is measured under the same load.
   */
  single_frame_ms: { p50: number; p95: number } | null;
  /** With `measure`: each measure's worst value per burst, listed per kind of presentation. */
  measures?: Record<string, Record<string, number[]>>;
  /** With `verbose`: every presentation, its person, challenge and outcome (with the check's detail). */
  presentations?: {
    kind: string;
    person: string;
    timeline: string;
    result: string;
    detail?: Record<string, number | string>;
  }[];
}

export interface LivenessEvalInput {
  engine: FaceEngine;
  settings: LivenessSettings;
  /** How the configured embedder decides (its threshold policy, margin and frame bounds). */
  rules: ModelRules;
  people: readonly { name: string; files: readonly string[] }[];
  /** Presentations wanted per attack (people are visited again, with new challenges, until each has them). */
  perAttack: number;
  attacks?: readonly Attack[];
  seed: number;
  /** Also keep every measure the check takes, for choosing its limits. */
  measure?: boolean;
  /** Also list every presentation with its outcome. */
  verbose?: boolean;
  onProgress?: (done: number, total: number, stage: string) => void;
}

/** Visits of each person at most, looking for enough presentations of every attack. */
const MAX_ROUNDS = 3;
/**
 * Visits at most for an attack that only some people's photos can make (a collage needs turned
 * photos): each visit draws other photos, framings and challenges, as an attacker retrying would.
 */
const MAX_ATTACK_ROUNDS = 40;

export async function evaluateLiveness(input: LivenessEvalInput): Promise<LivenessReport> {
  const random = new Prng(input.seed);
  const subjects: Subject[] = [];
  for (const [i, person] of input.people.entries()) {
    const subject = await subjectFrom(input.engine, person.name, person.files, input.seed + i);
    if (subject) subjects.push(subject);
    input.onProgress?.(i + 1, input.people.length, 'people');
  }
  const templates = new MemoryTemplateSource();
  for (const s of subjects)
    templates.add(input.engine.spec.embedder.id, s.name, ...s.enrollment.map((e) => e.embedding));
  const gallery = await Gallery.load(templates, [input.engine.spec.embedder]);
  const recognizer = new FaceRecognizer(input.engine, gallery, new Map([[input.engine.spec.embedder.id, input.rules]]));

  const kinds = input.attacks ?? ATTACKS;
  const report: LivenessReport = {
    subjects: subjects.length,
    apcer: Object.fromEntries(kinds.map((k) => [k, emptyRate()])),
    bpcer: emptyRate(),
    bonaFideNotRecognised: 0,
    burst_ms: null,
    single_frame_ms: null,
    measures: input.measure ? {} : undefined,
    presentations: input.verbose ? [] : undefined,
  };
  const times: number[] = [];
  const singleTimes: number[] = [];
  const frameCounts = new Set<number>();
  const judge = async (victim: Subject, frames: Buffer[], challenge: Challenge, kind: string) => {
    const started = performance.now();
    const outcome = await signIn(recognizer, victim, frames, challenge, input.settings);
    times.push(performance.now() - started);
    frameCounts.add(framesOf(challenge.steps));
    if (input.measure && outcome.analyses)
      keepMeasures(
        report.measures!,
        kind,
        outcome.analyses,
        challenge,
        input.settings,
        (f) => gallery.accountDistance(f.embeddings, victim.name)?.distance ?? Infinity,
      );
    const timeline = challenge.steps.map((s) => `${s.move[0]}${s.frames}`).join(' ');
    report.presentations?.push({ kind, person: victim.name, timeline, result: outcome.result, detail: outcome.detail });
    return outcome.result;
  };

  const wanted = subjects.length === 0 ? 0 : Math.min(input.perAttack, subjects.length * MAX_ROUNDS);
  const total = subjects.length * MAX_ROUNDS;
  const short = () => kinds.filter((k) => report.apcer[k]!.presentations < wanted);
  for (let round = 0, visit = 0; round < MAX_ATTACK_ROUNDS; round++) {
    const before = kinds.map((k) => report.apcer[k]!.presentations);
    for (const [v, victim] of subjects.entries()) {
      if (round < MAX_ROUNDS) input.onProgress?.(++visit, total, 'presentations');
      const needed = short();
      if (needed.length === 0 && (round >= MAX_ROUNDS || report.bpcer!.presentations >= wanted)) continue;
      const challenge = randomChallenge(random);
      if (round < MAX_ROUNDS && report.bpcer!.presentations < Math.max(wanted, subjects.length)) {
        const frames = await bonaFide(victim, challenge, random.int(2 ** 31));
        const result = await judge(victim, frames, challenge, 'bona_fide');
        const started = performance.now();
        await recognizer.recognize([frames[0]!], { claimedAccount: victim.name }).catch(() => undefined);
        singleTimes.push(performance.now() - started);
        const unrecognised = result === 'not_recognised' || result === 'not_account_person';
        if (unrecognised) report.bonaFideNotRecognised++;
        tally(report.bpcer!, result !== 'accepted' && !unrecognised, result, 'bona fide');
      }
      for (const kind of needed) {
        const impostor = subjects[(v + 1 + random.int(subjects.length - 1)) % subjects.length]!;
        const presentation = await attack(kind, victim, impostor, challenge, input.engine, random);
        if (!presentation) continue;
        const result = await judge(victim, presentation.frames, presentation.challenge ?? challenge, kind);
        tally(report.apcer[kind]!, result === 'accepted', result, presentation.variant);
      }
    }
    // Past the first rounds, only attacks that some people can make are still looked for; stop when none is found.
    if (
      round >= MAX_ROUNDS - 1 &&
      kinds.every((k, i) => report.apcer[k]!.presentations === before[i] || report.apcer[k]!.presentations >= wanted)
    )
      break;
  }
  if (input.measure) {
    report.measures!['real turned photos'] = turnedPhotoDistances(subjects, input.settings);
    report.measures!['real turned photos'] = {
      ...report.measures!['real turned photos'],
      ...mirrorPairs(subjects, input.settings),
    };
  }
  for (const rate of [...Object.values(report.apcer), report.bpcer!])
    rate.rate = rate.presentations ? rate.errors / rate.presentations : null;
  if (report.bpcer!.presentations === 0) report.bpcer = null;
  const at = (values: number[], p: number) => round(percentile(values, p), 1);
  report.burst_ms = times.length
    ? { p50: at(times, 0.5), p95: at(times, 0.95), frames: [...frameCounts].sort().join(' to ') }
    : null;
  report.single_frame_ms = singleTimes.length ? { p50: at(singleTimes, 0.5), p95: at(singleTimes, 0.95) } : null;
  return report;
}

/** A sign-in as `victim` (1:1, the account claimed) with this burst: 'accepted', or why not. */
async function signIn(
  recognizer: FaceRecognizer,
  victim: Subject,
  frames: Buffer[],
  challenge: Challenge,
  settings: LivenessSettings,
): Promise<{ result: string; analyses?: BurstFrames; detail?: Record<string, number | string> }> {
  let recognition: Recognition;
  try {
    recognition = await recognizer.recognize(frames, {
      claimedAccount: victim.name,
      liveness: { steps: challenge.steps, settings },
    });
  } catch (error) {
    return { result: (error as { code?: string }).code ?? 'error' };
  }
  if (recognition.kind === 'not_live') {
    // The check against the enrolled account is a recognition, not a liveness, refusal.
    const result =
      recognition.verdict.detail?.against === 'account' ? 'not_account_person' : recognition.verdict.reason;
    return { result, analyses: recognition.analyses, detail: recognition.verdict.detail };
  }
  if (recognition.kind === 'identification_refused' || recognition.kind === 'presentation_attack')
    return { result: recognition.kind, analyses: recognition.analyses };
  return {
    result: recognition.decision.kind === 'accepted' ? 'accepted' : 'not_recognised',
    analyses: recognition.analyses,
  };
}

/** Each measure's worst value over the burst (what a limit on it would be compared with). */
function keepMeasures(
  measures: Record<string, Record<string, number[]>>,
  kind: string,
  analyses: BurstFrames,
  challenge: Challenge,
  settings: LivenessSettings,
  fromAccount: (frame: FaceAnalysis) => number,
): void {
  const m = measureBurst(analyses, challenge.steps, settings);
  if (m.start.length === 0) return;
  const worst = (values: number[], high = true) =>
    values.length ? (high ? Math.max(...values) : Math.min(...values)) : NaN;
  const byPose = (label: 'centre' | 'turned', values: { label: string; value: number }[]) =>
    worst(values.filter((v) => (label === 'centre') === (v.label === 'centre')).map((v) => v.value));
  const opening = m.identity.map((f) => ({ label: f.label, value: f.reference }));
  const account = m.identity.map((f) => ({ label: f.label, value: fromAccount(analyses[f.frame]!) }));
  const row: Record<string, number> = {
    'scene gain': worst(m.scene.map((s) => s.change.gain)),
    'scene background': worst(m.scene.map((s) => s.change.background)),
    'scene changed cells': worst(m.scene.map((s) => s.change.changed)),
    'scene shift': worst(m.scene.map((s) => s.change.shift)),
    'scene resize': worst(m.scene.map((s) => s.change.resize)),
    'background share (least)': worst(
      m.scene.map((s) => s.change.backgroundShare),
      false,
    ),
    'opening, facing': byPose('centre', opening),
    'opening, turned': byPose('turned', opening),
    'account, facing': byPose('centre', account),
    'account, turned': byPose('turned', account),
    'mirror (least)': Number.isFinite(m.mirror) ? m.mirror : NaN,
    'steps performed': m.unperformed ? 0 : 1,
    'weakest move (thresholds)': moveReach(m, challenge, settings, Math.min),
    'strongest move (thresholds)': moveReach(m, challenge, settings, Math.max),
  };
  const forKind = (measures[kind] ??= {});
  for (const [name, value] of Object.entries(row)) if (!Number.isNaN(value)) (forKind[name] ??= []).push(value);
  // Every frame's distance from the account, by how far the head is turned: what a pose-aware bound rests on.
  const start = m.start.map((i) => m.poses[i]!);
  const base = {
    x: start.reduce((s, p) => s + p.x, 0) / start.length,
    y: start.reduce((s, p) => s + p.y, 0) / start.length,
  };
  for (const f of m.identity)
    (forKind[`account, ${turnBin(turnOf(m.poses[f.frame]!, base, settings))}`] ??= []).push(
      fromAccount(analyses[f.frame]!),
    );
}

/** How far a pose is turned from `base`, in move thresholds (the larger of yaw and pitch). */
function turnOf(pose: Pose, base: Pose, settings: LivenessSettings): number {
  return Math.max(
    Math.abs(pose.x - base.x) / settings.yawThreshold,
    Math.abs(pose.y - base.y) / settings.pitchThreshold,
  );
}

function turnBin(turn: number): string {
  return turn < 1 ? 'turn < 1' : turn < 2 ? 'turn 1 to 2' : turn < 3 ? 'turn 2 to 3' : 'turn 3 or more';
}

/**
 * The question the account bound must answer, asked of real photos: how far is a photo of a
 * person with the head turned (past the move threshold, mirror images included) from their account
 * (their other photos, fused), and how far from everyone else's? By how far the head is turned.
 */
function turnedPhotoDistances(subjects: readonly Subject[], settings: LivenessSettings): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (const person of subjects) {
    const frontal = [...person.posed].sort((a, b) => Math.abs(a.pose.x) - Math.abs(b.pose.x))[0];
    if (!frontal) continue;
    for (const photo of person.posed) {
      const bin = turnBin(turnOf(photo.pose, frontal.pose, settings));
      const source = photo.file.replace(/ \(mirrored\)$/, '');
      const own = person.enrollment.filter((e) => e.file !== source).map((e) => e.embedding);
      if (own.length > 0)
        (out[`genuine, ${bin}`] ??= []).push(distance(fuse(own), photo.analysis.embedding, settings.metric));
      for (const other of subjects) {
        if (other !== person)
          (out[`impostor, ${bin}`] ??= []).push(
            distance(fuse(other.enrollment.map((e) => e.embedding)), photo.analysis.embedding, settings.metric),
          );
      }
    }
  }
  return out;
}

/**
 * What the mirror check must tell apart, asked of real photos: a photo turned left against one
 * turned right, flipped, when the two are different photos of the person (`genuine, mirror`), and
 * when one is the other's mirror image (`mirror of itself`: the collage attacker's pair).
 */
function mirrorPairs(subjects: readonly Subject[], settings: LivenessSettings): Record<string, number[]> {
  const out: Record<string, number[]> = { 'genuine, mirror': [], 'mirror of itself': [] };
  for (const person of subjects) {
    const frontal = [...person.posed].sort((a, b) => Math.abs(a.pose.x) - Math.abs(b.pose.x))[0];
    if (!frontal) continue;
    const side = (x: number) =>
      x - frontal.pose.x > settings.yawThreshold ? 'left' : frontal.pose.x - x > settings.yawThreshold ? 'right' : '';
    const source = (file: string) => file.replace(/ \(mirrored\)$/, '');
    const lefts = person.posed.filter((p) => side(p.pose.x) === 'left' && p.analysis.thumbnail);
    const rights = person.posed.filter((p) => side(p.pose.x) === 'right' && p.analysis.thumbnail);
    for (const l of lefts)
      for (const r of rights) {
        const d = thumbnailDissimilarity(l.analysis.thumbnail!, flipped(r.analysis.thumbnail!));
        out[source(l.file) === source(r.file) ? 'mirror of itself' : 'genuine, mirror']!.push(d);
      }
  }
  return out;
}

/**
 * How far the burst performed its moves, in thresholds: for each move step, the second largest
 * excursion of its frames in the direction asked (a move counts held for two frames), and the
 * least (`pick` Math.min: above 1, every move was performed) or the largest of those.
 */
function moveReach(
  m: BurstMeasures,
  challenge: Challenge,
  settings: LivenessSettings,
  pick: (...values: number[]) => number,
): number {
  const start = m.start.map((i) => m.poses[i]!);
  const bx = start.reduce((s, p) => s + p.x, 0) / start.length,
    by = start.reduce((s, p) => s + p.y, 0) / start.length;
  const along = {
    left: (p: Pose) => (p.x - bx) / settings.yawThreshold,
    right: (p: Pose) => (bx - p.x) / settings.yawThreshold,
    up: (p: Pose) => (by - p.y) / settings.pitchThreshold,
  };
  const frames = stepOfFrames(challenge.steps);
  return pick(
    ...challenge.steps.flatMap((step, s) => {
      if (step.move === 'centre') return [];
      const move = step.move;
      const excursions = frames
        .flatMap((f, i) => (f.index === s && m.poses[i] ? [along[move](m.poses[i]!)] : []))
        .sort((a, b) => b - a);
      return [excursions[1] ?? -Infinity];
    }),
  );
}

function emptyRate(): Rate {
  return { presentations: 0, errors: 0, rate: null, outcomes: {}, variants: {} };
}

function tally(rate: Rate, error: boolean, outcome: string, variant: string): void {
  rate.presentations++;
  if (error) rate.errors++;
  rate.outcomes[outcome] = (rate.outcomes[outcome] ?? 0) + 1;
  const v = (rate.variants[variant] ??= { presentations: 0, accepted: 0 });
  v.presentations++;
  if (outcome === 'accepted') v.accepted++;
}
