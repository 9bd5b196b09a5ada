import { runFaceBench } from './face/run-face-bench.js';
import { reportTable } from './face/report-table.js';
import { startCliEngine } from '../src/cli/face-engine.js';
import { progressBar } from '../src/cli/progress.js';
import { parse, UsageError } from '../src/cli/parse.js';

const usage =
  'facegate bench [--json] [--config PATH] [--seconds N] [--pairs N] [--skip-face-api] [--large] [--arrivals N]';

/**
 * Speed of the face engine (per stage, whole pipeline, under load, 1:N match, memory) next to
 * face-api on the same frames, and both pipelines' accuracy on the same LFW pairs; see
 * bench/face/report.ts for each figure. --seconds bounds each timed loop; --pairs sets the
 * LFW pairs of each kind; --skip-face-api is for quick runs (tests), the default includes it;
 * --large adds a gallery of a million synthetic accounts to the 1:N figures (minutes, about 5 GB);
 * --arrivals N sends N bursts and 5N snapshots a second in the random arrivals, instead of a share of
 * the workers' measured capacity (so two trees can be given the same sequence).
 */
export async function bench(args: string[]): Promise<number> {
  const { values } = parse(
    args,
    {
      json: { type: 'boolean' },
      seconds: { type: 'string', default: '15' },
      pairs: { type: 'string', default: '150' },
      'skip-face-api': { type: 'boolean' },
      large: { type: 'boolean' },
      arrivals: { type: 'string' },
    },
    usage,
  );
  const seconds = Number(values.seconds);
  if (!(seconds > 0)) throw new UsageError(`--seconds takes a positive number\nusage: ${usage}`);
  const pairsPerKind = Number(values.pairs);
  if (!Number.isInteger(pairsPerKind) || pairsPerKind < 10)
    throw new UsageError(`--pairs takes a whole number of at least 10 (one per fold)\nusage: ${usage}`);

  const burstsPerSecond = values.arrivals === undefined ? undefined : Number(values.arrivals);
  if (burstsPerSecond !== undefined && !(burstsPerSecond > 0))
    throw new UsageError(`--arrivals takes a positive number of bursts a second\nusage: ${usage}`);

  const { engine } = await startCliEngine(values.config);
  let report;
  try {
    report = await runFaceBench(
      engine,
      {
        seconds,
        pairsPerKind,
        faceApi: !values['skip-face-api'],
        photosPerIdentity: 4,
        large: Boolean(values.large),
        burstsPerSecond,
      },
      progressBar,
    );
  } finally {
    await engine.close();
  }
  console.log(values.json ? JSON.stringify(report) : reportTable(report));
  return 0;
}
