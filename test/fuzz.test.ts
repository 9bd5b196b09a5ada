/**
 * The fuzz run of issue 7, bounded, in the suite: the same code as `npm run fuzz`, 150 inputs per
 * endpoint for a fixed seed and for a random one (in the test's title, to replay it with
 * `npm run fuzz -- --seed N`). No 5xx other than 503 busy, no request without an answer, and the
 * server (a child process, as an operator runs it) still up.
 */
import { expect } from 'chai';
import { formatReport, runFuzz } from '../bench/fuzz/fuzz-run.js';
import { FuzzTarget } from '../bench/fuzz/fuzz-target.js';
import { randomSeed } from '../src/eval/prng.js';

const INPUTS_PER_ENDPOINT = 150;

describe('fuzz: the snapshot and token endpoints', function () {
  this.timeout(120_000);
  let target: FuzzTarget;

  before(async () => {
    target = await FuzzTarget.start();
  });
  after(async () => {
    await target?.stop();
  });

  for (const seed of [20261127, randomSeed()]) {
    it(`seed ${seed}: ${INPUTS_PER_ENDPOINT} inputs per endpoint, no 5xx but 503 busy, no reset, the server up`, async () => {
      const report = await runFuzz(target, { seed, perEndpoint: INPUTS_PER_ENDPOINT });
      expect(report.inputs).to.deep.equal({ snapshot: INPUTS_PER_ENDPOINT, token: INPUTS_PER_ENDPOINT });
      expect(report.failures, formatReport(report)).to.deep.equal([]);
    });
  }
});
