import { join } from 'node:path';
import { findSharedData } from '../../bench/face/shared-data.js';
import { ATTACK_TYPES } from '../../eval/liveness/attacks.js';
import { evaluateLiveness, type LivenessReport } from '../../eval/liveness/evaluate.js';
import { findSources } from '../../eval/liveness/sources.js';
import { livenessSettings } from '../../face/liveness/settings.js';
import { startCliEngine } from '../face-engine.js';
import { progressBar } from '../progress.js';
import { parse } from '../parse.js';

const usage = 'facegate eval-liveness [--json] [--faces DIR] [--lfw DIR] [--attack-people N] [--bona-fide-only] [--seed N] [--config PATH]';

/** APCER per attack type and BPCER of the liveness check (see src/eval/liveness/). */
export async function evaluateLivenessVerb(args: string[]): Promise<number> {
  // ../shared beside the project (or FACEGATE_SHARED), wherever the command is run from.
  const shared = findSharedData().searched;
  const { values } = parse(args, {
    json: { type: 'boolean' },
    faces: { type: 'string', default: join(shared, 'faces') },
    lfw: { type: 'string', default: join(shared, 'lfw-dev', 'images') },
    'attack-people': { type: 'string', default: '60' },
    'bona-fide-only': { type: 'boolean' },
    seed: { type: 'string', default: '7' },
  }, usage);
  const sources = findSources(values.faces!, values.lfw!, { lfwAttackPeople: Number(values['attack-people']), lfwMinPhotos: 3 });
  if (values['bona-fide-only']) sources.attackPhotos.length = 0;
  const { engine } = await startCliEngine(values.config);
  const progress = progressBar('presentations');
  let report: LivenessReport;
  try {
    report = await evaluateLiveness({
      engine, settings: livenessSettings(engine.spec.embedder.metric, engine.spec.embedder.sameFaceDistance),
      attackPhotos: sources.attackPhotos, people: sources.people, seed: Number(values.seed),
      onProgress: (done, total) => progress.update(done, total),
    });
  } finally {
    progress.finish();
    await engine.close();
  }
  if (values.json) {
    console.log(JSON.stringify({ ...report, sources: sources.notes }));
    return 0;
  }
  const pct = (r: number | null) => (r === null ? 'n/a' : `${(100 * r).toFixed(1)}%`);
  const reasons = (r: Record<string, number>) => Object.entries(r).map(([k, v]) => `${k} ${v}`).join(', ');
  console.log(sources.notes.map((n) => `source: ${n}`).join('\n'));
  console.log('\nattack type   presentations  accepted  APCER    refused because');
  for (const type of ATTACK_TYPES) {
    const r = report.apcer[type];
    console.log(`${type.padEnd(14)}${String(r.presentations).padStart(13)}${String(r.errors).padStart(10)}  ${pct(r.rate).padEnd(8)} ${reasons(r.reasons)}`);
  }
  const b = report.bpcer;
  console.log(b
    ? `\nbona fide     ${String(b.presentations).padStart(13)}  refused ${b.errors}  BPCER ${pct(b.rate)}  (${b.people} people)  ${reasons(b.reasons)}`
    : '\nbona fide: no person with enough photos at different poses (needs ../shared)');
  if (report.burst_ms) console.log(`\nserver time per ${report.burst_ms.frames}-frame burst: p50 ${report.burst_ms.p50} ms, p95 ${report.burst_ms.p95} ms`);
  return 0;
}
