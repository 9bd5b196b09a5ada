import { expect } from 'chai';
import { execFile, spawnSync } from 'node:child_process';
import { cpSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { percentile } from '../src/eval/percentile.js';
import { summarise } from './support/latency-summary.js';
import { timedLoop } from '../bench/timed-loop.js';
import { findSharedData } from '../src/eval/shared-data.js';
import { framesFromDemoPhotos } from './support/webcam-frames.js';
import type { FaceBenchReport } from '../bench/face/report.js';
import { startTestEngine } from './helpers/face-engine.js';
import { temporaryFolder } from './helpers/stores.js';

const run = promisify(execFile);

describe('bench building blocks', () => {
  it('takes nearest-rank percentiles: a reported latency is one that was measured', () => {
    const samples = [5, 1, 4, 2, 3, 10, 6, 7, 8, 9];
    expect(percentile(samples, 0.5)).to.equal(5);
    expect(percentile(samples, 0.95)).to.equal(10);
    expect(summarise([2.0004])).to.deep.equal({ p50_ms: 2, p95_ms: 2, n: 1 });
  });

  it('runs a timed loop until both its time and its minimum of samples are reached', async () => {
    const quick = await timedLoop([1, 2, 3], async (x) => x * 2, { lanes: 2, seconds: 0, minSamples: 7 });
    expect(quick.samples).to.have.length.within(7, 8);
    expect(quick.samples.map((s) => s.result)).to.include.members([2, 4, 6]);
    const capped = await timedLoop([1], async () => 0, { lanes: 1, seconds: 60, minSamples: 1, maxSamples: 5 });
    expect(capped.samples).to.have.length(5);
  });

  it('makes 640x480 frames the engine accepts from the demo photos npm ships (the fallback without ../shared/faces)', async function () {
    this.timeout(120_000);
    const engine = await startTestEngine({ workers: 0 });
    try {
      const frames = await framesFromDemoPhotos(async (jpeg) => (await engine.analyzeAll(jpeg)).map((f) => f.box));
      expect(frames.length).to.be.at.least(8);
      const { width, height } = await sharp(frames[0].jpeg).metadata();
      expect([width, height]).to.deep.equal([640, 480]);
      const analysis = await engine.analyze(frames[0].jpeg);
      expect(analysis.embedding).to.have.length(512);
    } finally {
      await engine.close();
    }
  });
});

describe('facegate bench --json', () => {
  it('says what to do, exit code 1, where bench/ is not installed (a production install packs src/ alone)', () => {
    const install = temporaryFolder();
    cpSync('dist/src', join(install, 'dist', 'src'), { recursive: true });
    writeFileSync(join(install, 'package.json'), '{ "type": "module" }');
    const main = pathToFileURL(join(install, 'dist', 'src', 'cli', 'main.js')).href;
    const run = spawnSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `const { main } = await import(${JSON.stringify(main)}); process.exitCode = await main(['bench']);`,
      ],
      { encoding: 'utf8' },
    );
    expect(run.status).to.equal(1);
    expect(run.stderr)
      .to.include('the benches are not installed here')
      .and.include('run them from a clone of the repository');
  });

  it('prints one JSON object with every figure, positive', async function () {
    this.timeout(240_000);
    // One second per timed loop and 10 + 10 LFW pairs: the shape, not the speed, is under test.
    const { stdout } = await run(
      process.execPath,
      ['bin/facegate.js', 'bench', '--json', '--seconds', '1', '--pairs', '10'],
      { maxBuffer: 1 << 24 },
    );
    const report = JSON.parse(stdout) as FaceBenchReport;
    const positiveLatency = (s: { p50_ms: number; p95_ms: number }) => {
      expect(s.p50_ms).to.be.above(0);
      expect(s.p95_ms).to.be.at.least(s.p50_ms);
    };
    positiveLatency(report.pipeline);
    for (const stage of ['decode', 'detect', 'align', 'embed', 'match'] as const) positiveLatency(report.stages[stage]);
    for (const c of ['1', '2'] as const) {
      positiveLatency(report.concurrency[c]);
      expect(report.concurrency[c].images_per_s).to.be.above(0);
    }
    for (const size of ['1e3', '1e4', '1e5'] as const) positiveLatency(report.match[size]);
    expect(report.burst.frames).to.equal(10);
    for (const whole of [report.burst.one_frame, report.burst.burst, report.burst.check]) positiveLatency(whole);
    for (const stage of ['decode', 'detect', 'landmarks', 'align', 'embed', 'scene'] as const) {
      positiveLatency(report.burst.stages_one_frame[stage]);
      positiveLatency(report.burst.stages_burst[stage]);
    }
    for (const kind of [report.arrivals.snapshot, report.arrivals.burst]) positiveLatency(kind);
    expect(report.arrivals.bursts_per_s).to.be.above(0);
    expect(report.arrivals.snapshots_per_s).to.be.above(report.arrivals.bursts_per_s);
    expect(report.rss_mb).to.be.above(0);
    expect(report.machine.cpus).to.be.above(0);
    expect(report.machine.model).to.be.a('string');
    expect(report.machine.node).to.equal(process.version);

    expect(report.face_api, report.face_api_skipped ?? '').to.not.equal(null);
    positiveLatency(report.face_api!);
    expect(report.face_api!.backend).to.equal('wasm');
    expect(report.ratio_vs_face_api).to.be.above(0);

    if (findSharedData().lfw) {
      for (const stage of ['decode', 'detect', 'align', 'embed', 'match'] as const)
        positiveLatency(report.lfw_stages![stage]);
      expect(report.accuracy).to.include({ pairs: 20, genuine: 10, impostor: 10 });
      expect(report.accuracy!.facegate.accuracy).to.be.within(0.5, 1);
      expect(report.accuracy!.face_api!.accuracy).to.be.within(0, 1);
    } else {
      expect(report.lfw_stages).to.equal(null);
      expect(report.accuracy).to.equal(null);
      expect(report.notes.join('\n')).to.include('lfw-dev is absent');
    }
  });

  it('runs on what npm ships when ../shared is absent, and can leave face-api out', async function () {
    this.timeout(180_000);
    const env = { ...process.env, FACEGATE_SHARED: join(tmpdir(), 'facegate-no-shared-here') };
    const { stdout } = await run(
      process.execPath,
      ['bin/facegate.js', 'bench', '--json', '--seconds', '1', '--skip-face-api'],
      { env, maxBuffer: 1 << 24 },
    );
    const report = JSON.parse(stdout) as FaceBenchReport;
    expect(report.frames.source).to.include('demo photos');
    expect(report.frames.used).to.be.above(0);
    expect(report.pipeline.p50_ms).to.be.above(0);
    expect(report).to.include({ lfw_stages: null, accuracy: null, face_api: null, ratio_vs_face_api: null });
    expect(report.notes.join('\n'))
      .to.include('faces is absent')
      .and.include('lfw-dev is absent')
      .and.include('--skip-face-api');
  });

  it('says what is wrong with its options', async () => {
    const failed = await run(process.execPath, ['bin/facegate.js', 'bench', '--seconds', '0']).catch(
      (e: { code: number; stderr: string }) => e,
    );
    expect(failed).to.include({ code: 2 });
    expect((failed as { stderr: string }).stderr).to.include('--seconds');
  });
});
