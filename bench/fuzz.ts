/**
 * `npm run fuzz -- --seconds 60 --seed N`: random and mutated inputs at the snapshot and token
 * endpoints of a facegate started for the run, for a bounded time. Prints the seed (a run is
 * replayed with the same one), the answers by status, and every failure; exits 1 on any failure
 * (a 5xx other than 503 busy, a request without an answer, the server down).
 */
import { parseArgs } from 'node:util';
import { formatReport, runFuzz, type FuzzReport } from './fuzz/fuzz-run.js';
import { FuzzTarget } from './fuzz/fuzz-target.js';
import { randomSeed } from '../src/eval/prng.js';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '60' }, seed: { type: 'string' } } });
const seconds = Number(values.seconds);
const seed = values.seed === undefined ? randomSeed() : Number(values.seed);
if (!(seconds > 0) || !Number.isInteger(seed) || seed < 0 || seed >= 2 ** 32) {
  console.error('usage: npm run fuzz -- [--seconds S] [--seed N]   (S > 0, N an integer in [0, 2^32))');
  process.exit(2);
}

console.log(`fuzz: seed ${seed}, ${seconds} s (replay: npm run fuzz -- --seconds ${seconds} --seed ${seed})`);
console.log('starting facegate (SQLite, one face worker), enrolling one face, signing in once...');
const target = await FuzzTarget.start();
let report: FuzzReport;
try {
  report = await runFuzz(target, { seed, deadline: performance.now() + seconds * 1000 });
} finally {
  await target.stop();
}
console.log(formatReport(report));
process.exit(report.failures.length > 0 ? 1 : 0);
