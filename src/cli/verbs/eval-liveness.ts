import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { findSharedData } from '../../eval/shared-data.js';
import { percentile } from '../../eval/percentile.js';
import { evaluateLiveness, type LivenessReport } from '../../eval/liveness/evaluate.js';
import { ATTACKS, type Attack } from '../../eval/liveness/presentations.js';
import { peopleIn } from '../../eval/liveness/sources.js';
import { livenessSettings } from '../../face/liveness/settings.js';
import { round } from '../../face/round.js';
import { calibrationPipeline, loadCalibration } from '../../face/match/load-calibration.js';
import { modelRules } from '../../access/face-service.js';
import { loadManifest } from '../../face/model-files/manifest.js';
import { faceOptionsFor } from '../../config/face-options.js';
import { CliError } from '../parse.js';
import { startCliEngine } from '../face-engine.js';
import { progressBar } from '../progress.js';
import { parse } from '../parse.js';

const usage =
  'facegate eval-liveness [--people DIR] [--max-people N] [--per-attack N] [--attacks a,b,...] [--measure] [--verbose] [--json] [--seed N] [--config PATH]';

/**
 * APCER per attack and BPCER of the liveness check (see src/eval/liveness/). By default on LFW's
 * people (../shared/lfw-dev/images); `--measure` prints what each limit would be compared with,
 * per kind of presentation, to choose the limits on another set (../shared/faces).
 */
export async function evaluateLivenessVerb(args: string[]): Promise<number> {
  // ../shared beside the project (or FACEGATE_SHARED), wherever the command is run from.
  const shared = findSharedData().searched;
  const { values } = parse(
    args,
    {
      json: { type: 'boolean' },
      people: { type: 'string', default: join(shared, 'lfw-dev', 'images') },
      'max-people': { type: 'string', default: '150' },
      'per-attack': { type: 'string', default: '100' },
      attacks: { type: 'string', default: ATTACKS.join(',') },
      measure: { type: 'boolean' },
      verbose: { type: 'boolean' },
      seed: { type: 'string', default: '7' },
    },
    usage,
  );
  if (!existsSync(values.people!))
    throw new CliError(
      `facegate eval-liveness: ${values.people} is absent: give --people DIR, a folder with one folder of photos per person (../shared/faces or ../shared/lfw-dev/images)`,
    );
  const attacks = values.attacks!.split(',').map((a) => a.trim()) as Attack[];
  const unknown = attacks.filter((a) => !(ATTACKS as readonly string[]).includes(a));
  if (unknown.length)
    throw new CliError(
      `facegate eval-liveness: unknown attack ${unknown.join(', ')}: choose among ${ATTACKS.join(', ')}`,
    );

  const { face } = faceOptionsFor(values.config);
  const { engine } = await startCliEngine(values.config);
  const rules = modelRules(
    face,
    engine.spec.embedder,
    loadCalibration(engine.spec.embedder.id, calibrationPipeline(engine.spec)),
    loadManifest(),
    true,
  );
  const people = peopleIn(values.people!, Number(values['max-people']));
  const progress = progressBar('steps');
  let report: LivenessReport;
  try {
    report = await evaluateLiveness({
      engine,
      settings: livenessSettings(engine.spec.embedder),
      rules,
      people,
      perAttack: Number(values['per-attack']),
      attacks,
      seed: Number(values.seed),
      measure: values.measure,
      verbose: values.verbose,
      onProgress: (done, total) => progress.update(done, total),
    });
  } finally {
    progress.finish();
    await engine.close();
  }
  if (values.json) {
    console.log(JSON.stringify({ people: values.people, ...report }));
    return 0;
  }
  printReport(values.people!, report);
  for (const p of report.presentations ?? [])
    console.log(
      `${p.kind.padEnd(16)} ${p.person.padEnd(24)} ${p.timeline.padEnd(16)} ${p.result}${p.detail ? ` ${JSON.stringify(p.detail)}` : ''}`,
    );
  if (report.measures) printMeasures(report.measures);
  return 0;
}

function printReport(folder: string, report: LivenessReport): void {
  const pct = (r: number | null) => (r === null ? 'n/a' : `${(100 * r).toFixed(1)}%`);
  const counts = (r: Record<string, number>) =>
    Object.entries(r)
      .sort((a, b) => b[1] - a[1])
      .map(([k, v]) => `${k} ${v}`)
      .join(', ');
  console.log(`people: ${report.subjects} from ${folder}`);
  console.log('\nattack            presentations  accepted  APCER    outcomes');
  for (const [kind, r] of Object.entries(report.apcer)) {
    console.log(
      `${kind.padEnd(18)}${String(r.presentations).padStart(13)}${String(r.errors).padStart(10)}  ${pct(r.rate).padEnd(8)} ${counts(r.outcomes)}`,
    );
    const variants = Object.entries(r.variants);
    if (variants.length > 1)
      console.log(
        `${''.padEnd(18)}  by variant: ${variants.map(([v, c]) => `${v} ${c.accepted}/${c.presentations}`).join('; ')}`,
      );
  }
  const b = report.bpcer;
  console.log(
    b
      ? `\nbona fide         ${String(b.presentations).padStart(13)}  refused as not live ${b.errors}  BPCER ${pct(b.rate)}  (live but not recognised: ${report.bonaFideNotRecognised})  ${counts(b.outcomes)}`
      : '\nbona fide: nobody with two usable photos',
  );
  if (report.burst_ms)
    console.log(
      `\nserver time per burst (${report.burst_ms.frames} frames): p50 ${report.burst_ms.p50} ms, p95 ${report.burst_ms.p95} ms`,
    );
  if (report.burst_ms && report.single_frame_ms) {
    const added = round(report.burst_ms.p50 - report.single_frame_ms.p50, 1);
    console.log(
      `a single-frame sign-in, timed beside each bona fide burst: p50 ${report.single_frame_ms.p50} ms, p95 ${report.single_frame_ms.p95} ms; the burst adds ${added} ms at the median (load average ${loadavg()
        .map((l) => l.toFixed(2))
        .join(', ')})`,
    );
  }
}

/** Per measure: bona fide's high percentiles (a limit must sit above them) and each attack's low ones. */
function printMeasures(measures: Record<string, Record<string, number[]>>): void {
  const names = [...new Set(Object.values(measures).flatMap((m) => Object.keys(m)))];
  const f = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : String(x));
  console.log(
    "\nmeasures: each burst's worst value; bona fide (and genuine) p50 / p95 / p99 / max, attacks (and impostors) min / p1 / p5 / p50 (the mirror measures the other way round)",
  );
  for (const name of names) {
    console.log(`\n${name}`);
    for (const [kind, byName] of Object.entries(measures)) {
      const values = byName[name];
      if (!values?.length) continue;
      const at = (p: number) => f(percentile(values, p));
      // What a limit must let through: its high end; what it must stop: its low end. The mirror
      // measure runs the other way: a mirror image is too close, a real turn far enough.
      const genuine = kind === 'bona_fide' || name.startsWith('genuine');
      const shown =
        genuine !== name.includes('mirror')
          ? `${at(0.5)} / ${at(0.95)} / ${at(0.99)} / ${f(Math.max(...values))}`
          : `${f(Math.min(...values))} / ${at(0.01)} / ${at(0.05)} / ${at(0.5)}`;
      console.log(`  ${kind.padEnd(16)} n ${String(values.length).padStart(4)}  ${shown}`);
    }
  }
}
