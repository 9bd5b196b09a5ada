import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { peopleHalf, parseLfwPairs, PairsFormatError, type ImagePair } from '../../eval/lfw-pairs.js';
import { embedImages } from '../../eval/embed-images.js';
import { evaluatePairs, type EvalReport } from '../../eval/evaluate-pairs.js';
import { buildCalibration } from '../../eval/calibrate.js';
import { rocSvg } from '../../eval/roc-svg.js';
import { calibrationPipeline } from '../../face/match/load-calibration.js';
import { startCliEngine } from '../face-engine.js';
import { progressBar } from '../progress.js';
import { CliError, parse, UsageError } from '../parse.js';

const usage =
  'facegate eval --pairs FILE --images DIR [--people-before NAME | --people-from NAME] [--json] [--folds 10] [--plot FILE.svg] [--calibration FILE.json] [--config PATH]';

/** Recognition accuracy on LFW-format pairs; see src/eval/evaluate-pairs.ts for what each figure means. */
export async function evaluate(args: string[]): Promise<number> {
  const { values } = parse(
    args,
    {
      pairs: { type: 'string' },
      images: { type: 'string' },
      json: { type: 'boolean' },
      folds: { type: 'string', default: '10' },
      plot: { type: 'string' },
      calibration: { type: 'string' },
      'people-before': { type: 'string' },
      'people-from': { type: 'string' },
    },
    usage,
  );
  if (!values.pairs || !values.images) throw new UsageError(`--pairs and --images are required\nusage: ${usage}`);
  const folds = Number(values.folds);
  if (!Number.isInteger(folds) || folds < 2)
    throw new UsageError(`--folds takes a whole number of at least 2\nusage: ${usage}`);

  if (values['people-before'] && values['people-from'])
    throw new UsageError(`--people-before and --people-from choose one half each: give one of them\nusage: ${usage}`);
  const { pairs, images: paths } = onePeopleHalf(
    readPairs(values.pairs, values.images),
    values['people-before'],
    values['people-from'],
  );
  const { engine } = await startCliEngine(values.config);
  const progress = progressBar(`embedding ${paths.length} images`);
  const started = Date.now();
  let embeddings;
  try {
    embeddings = await embedImages(engine, paths, (done, total) => progress.update(done, total));
  } finally {
    progress.finish();
    await engine.close();
  }
  const seconds = (Date.now() - started) / 1000;
  const metric = engine.spec.embedder.metric;
  const { report, allPairs } = evaluatePairs(pairs, embeddings, metric, folds, paths);

  if (values.plot) {
    writeFileSync(
      values.plot,
      rocSvg(`facegate on ${basename(values.pairs)}`, [
        { label: `all cross-identity pairs (${allPairs.impostor.length} impostor)`, colour: '#1565c0', ...allPairs },
      ]),
    );
  }
  if (values.calibration) {
    const calibration = buildCalibration(allPairs, {
      embedder: engine.spec.embedder.id,
      metric,
      pipeline: calibrationPipeline(engine.spec),
      source: `${basename(values.pairs)}: all pairs of its ${report.all_pairs.images} images`,
    });
    writeFileSync(values.calibration, `${JSON.stringify(calibration, null, 1)}\n`);
  }
  if (values.json) console.log(JSON.stringify(report));
  else printReport(report, seconds);
  return 0;
}

/** All the pairs and their images, or one half of them by person: see peopleHalf. */
function onePeopleHalf(
  pairs: ImagePair[],
  before: string | undefined,
  from: string | undefined,
): { pairs: ImagePair[]; images: string[] } {
  if (before === undefined && from === undefined)
    return { pairs, images: [...new Set(pairs.flatMap((p) => [p.a, p.b]))] };
  const half = peopleHalf(pairs, before !== undefined ? { before } : { from: from! });
  if (half.pairs.length === 0)
    throw new CliError(`no pair has all its people ${before !== undefined ? `before ${before}` : `from ${from} on`}`);
  return half;
}

function readPairs(file: string, images: string) {
  try {
    return parseLfwPairs(readFileSync(file, 'utf8'), images);
  } catch (error) {
    if (error instanceof PairsFormatError) throw new CliError(`${file}: ${error.message}`);
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new CliError(`${file}: no such file`);
    throw error;
  }
}

function printReport(r: EvalReport, seconds: number): void {
  const pct = (x: number | null) => (x === null ? 'n/a (too few impostors)' : `${(100 * x).toFixed(2)}%`);
  const lines = [
    `pairs                     ${r.pairs} (${r.no_face} with an image where no face was found)`,
    `accuracy (10-fold)        ${pct(r.accuracy)} ± ${(100 * r.accuracy_std).toFixed(2)}  (threshold ~${r.accuracy_threshold.toFixed(3)}, ${r.metric})`,
    `EER                       ${pct(r.eer)}`,
    `TAR on the pairs          @FAR 1e-2 ${pct(r.pairs_tar_at_far['1e-2'])}   @FAR 1e-3 ${pct(r.pairs_tar_at_far['1e-3'])}`,
    `TAR on all pairs          (${r.all_pairs.images} images: ${r.all_pairs.genuine} genuine, ${r.all_pairs.impostor} impostor comparisons)`,
    ...Object.entries(r.tar_at_far).map(([far, tar]) => `                            @FAR ${far}  ${pct(tar)}`),
    `threshold for FAR 1e-4    ${r['threshold_far_1e-4']?.toFixed(4) ?? 'n/a'}`,
    `embedding time            ${seconds.toFixed(1)} s`,
  ];
  console.log(lines.join('\n'));
}
