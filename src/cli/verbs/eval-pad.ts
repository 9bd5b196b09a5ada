import { loadavg } from 'node:os';
import { join } from 'node:path';
import { findSharedData, identityPhotos } from '../../eval/shared-data.js';
import { readFile } from 'node:fs/promises';
import { demoPortrait, SAMPLE_FACES } from '../../eval/demo-faces.js';
import { scorePhotos, scoreRenderedAttacks } from '../../eval/presentation-attack/evaluate.js';
import { FRAMINGS, isFraming } from '../../eval/presentation-attack/framings.js';
import { lfwPhotos, sharedFacesPhotos } from '../../eval/presentation-attack/photos.js';
import { padReport, padReportText } from '../../eval/presentation-attack/report.js';
import { startCliEngine } from '../face-engine.js';
import { progressBar } from '../progress.js';
import { parse, UsageError } from '../parse.js';
import { round } from '../../face/round.js';

const usage =
  'facegate eval-pad [--json] [--faces DIR] [--lfw DIR] [--framing webcam|burst|fill] [--choose-on faces|lfw] [--max-bpcer 0.05] [--attack-people N] [--no-attacks] [--seed N] [--config PATH]';

/**
 * The optional presentation-attack model (face.presentationAttackDetection): BPCER on real photos at
 * candidate thresholds, a threshold chosen on one set and reported on the other, and, as
 * information only, how it scores the rendered attacks (see src/eval/presentation-attack/).
 */
export async function evaluatePad(args: string[]): Promise<number> {
  const shared = findSharedData().searched;
  const { values } = parse(
    args,
    {
      json: { type: 'boolean' },
      faces: { type: 'string', default: join(shared, 'faces') },
      lfw: { type: 'string', default: join(shared, 'lfw-dev', 'images') },
      framing: { type: 'string', default: 'webcam' },
      'choose-on': { type: 'string', default: 'faces' },
      'max-bpcer': { type: 'string', default: '0.05' },
      'attack-people': { type: 'string', default: '60' },
      'no-attacks': { type: 'boolean' },
      seed: { type: 'string', default: '7' },
    },
    usage,
  );
  const framing = values.framing!;
  if (!isFraming(framing)) throw new UsageError(`--framing takes ${Object.keys(FRAMINGS).join(', ')}\nusage: ${usage}`);
  const chooseOn = values['choose-on'];
  if (chooseOn !== 'faces' && chooseOn !== 'lfw')
    throw new UsageError(`--choose-on takes faces or lfw\nusage: ${usage}`);
  const maxBpcer = Number(values['max-bpcer']);
  if (!(maxBpcer >= 0 && maxBpcer <= 1))
    throw new UsageError(`--max-bpcer takes a share between 0 and 1\nusage: ${usage}`);
  const seed = Number(values.seed);
  const dirs = { faces: values.faces!, lfw: values.lfw! };
  const photos = { faces: sharedFacesPhotos(dirs.faces), lfw: lfwPhotos(dirs.lfw) };
  if (photos.faces.length === 0 || photos.lfw.length === 0) {
    throw new UsageError(
      `eval-pad needs both photo sets: ${photos.faces.length} photos found in ${dirs.faces}, ${photos.lfw.length} in ${dirs.lfw}\nusage: ${usage}`,
    );
  }

  // The model on whatever the configuration says: it is what is measured.
  const { engine } = await startCliEngine(values.config, {
    presentationAttackDetection: { enabled: true, threshold: 0 },
  });
  const loadBefore = loadavg()[0];
  let report;
  try {
    const scored = {
      faces: await withProgress(dirs.faces, (p) => scorePhotos(engine, photos.faces, framing, seed, p)),
      lfw: await withProgress(dirs.lfw, (p) => scorePhotos(engine, photos.lfw, framing, seed, p)),
    };
    // The npm fixture faces, one photo of each person of ../shared/faces, and the first of --attack-people LFW people.
    const firstPhotos = (dir: string, people: number) =>
      identityPhotos(dir)
        .slice(0, people)
        .map((p) => ({ name: p.files[0], load: () => readFile(p.files[0]) }));
    const attackPhotos = [
      ...SAMPLE_FACES.map((_, i) => ({ name: `face-api demo face ${i}`, load: () => demoPortrait(i) })),
      ...firstPhotos(dirs.faces, Infinity),
      ...firstPhotos(dirs.lfw, Number(values['attack-people'])),
    ];
    const attacks = values['no-attacks']
      ? undefined
      : await withProgress('rendered attacks', (p) => scoreRenderedAttacks(engine, attackPhotos, seed, p));
    report = padReport({
      dirs,
      framing,
      scored,
      attacks,
      chooseOn,
      maxBpcer,
      loadAverage: [round(loadBefore, 2), round(loadavg()[0], 2)],
    });
  } finally {
    await engine.close();
  }
  console.log(values.json ? JSON.stringify(report) : padReportText(report));
  return 0;
}

async function withProgress<T>(
  label: string,
  run: (onProgress: (done: number, total: number) => void) => Promise<T>,
): Promise<T> {
  const progress = progressBar(label);
  try {
    return await run((done, total) => progress.update(done, total));
  } finally {
    progress.finish();
  }
}
