import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { equalErrorRate, foldAccuracy, sorted, tarAtFar } from '../src/eval/verification-metrics.js';
import { parseLfwPairs, PairsFormatError, peopleHalf } from '../src/eval/lfw-pairs.js';
import { portrait, variants } from './helpers/face-fixtures.js';
import { temporaryFolder } from './helpers/stores.js';

const run = promisify(execFile);

describe('verification metrics', () => {
  const genuine = sorted([0.1, 0.2, 0.3, 0.4, 0.9]);
  const impostor = sorted([0.5, 0.6, 0.7, 0.8, 0.35]);

  it('TAR at FAR: the largest threshold that accepts at most that share of impostors', () => {
    expect(tarAtFar(genuine, impostor, 0.2)).to.deep.include({ tar: 0.8 });
    expect(tarAtFar(genuine, impostor, 0.2)!.threshold).to.be.within(0.4, 0.5);
    expect(tarAtFar(genuine, impostor, 0)).to.equal(null);
    expect(tarAtFar(genuine, impostor, 0.1)).to.equal(null, 'half an impostor cannot be measured');
  });

  it('equal error rate where false accepts and false rejects meet', () => {
    expect(equalErrorRate(genuine, impostor)).to.be.closeTo(0.2, 1e-9);
    expect(equalErrorRate(sorted([0.1, 0.2]), sorted([0.8, 0.9]))).to.equal(0);
  });

  it('k-fold accuracy scores each fold at a threshold chosen on the others', () => {
    const pairs = [...Array(20).keys()].map((i) => ({ fold: i % 10, genuine: i < 10, distance: i < 10 ? 0.2 : 0.8 }));
    const result = foldAccuracy(pairs, 10);
    expect(result.mean).to.equal(1);
    expect(result.std).to.equal(0);
    result.thresholds.forEach((t) => expect(t).to.be.within(0.2, 0.8));
  });

  it('counts a pair with an undetected face as a refusal', () => {
    const result = foldAccuracy(
      [
        { fold: 0, genuine: true, distance: Infinity },
        { fold: 1, genuine: true, distance: 0.1 },
        { fold: 0, genuine: false, distance: 0.9 },
        { fold: 1, genuine: false, distance: 0.9 },
      ],
      2,
    );
    expect(result.perFold[0]).to.equal(0.5);
  });

  it('reads LFW pairs and names the line it cannot read', () => {
    const pairs = parseLfwPairs('2\nAda 1 2\nAda 1 Bob 3\n', '/img');
    expect(pairs).to.deep.equal([
      { genuine: true, a: '/img/Ada/Ada_0001.jpg', b: '/img/Ada/Ada_0002.jpg' },
      { genuine: false, a: '/img/Ada/Ada_0001.jpg', b: '/img/Bob/Bob_0003.jpg' },
    ]);
    expect(() => parseLfwPairs('1\nAda one 2\n', '/img')).to.throw(PairsFormatError, /line 2/);
  });

  it("splits pairs into two halves by person, sharing nobody: a pair across the split is in neither, its images in each side's all-pairs set", () => {
    const pairs = parseLfwPairs('3\nAda 1 2\nZoe 1 2\nAda 3 Zoe 3\nAda 1 Bob 1\n', '/img');
    const before = peopleHalf(pairs, { before: 'Kim' });
    const from = peopleHalf(pairs, { from: 'Kim' });
    expect(before.pairs.map((p) => [p.a, p.b])).to.deep.equal([
      ['/img/Ada/Ada_0001.jpg', '/img/Ada/Ada_0002.jpg'],
      ['/img/Ada/Ada_0001.jpg', '/img/Bob/Bob_0001.jpg'],
    ]);
    expect(from.pairs).to.have.length(1);
    expect(before.images.sort()).to.deep.equal([
      '/img/Ada/Ada_0001.jpg',
      '/img/Ada/Ada_0002.jpg',
      '/img/Ada/Ada_0003.jpg',
      '/img/Bob/Bob_0001.jpg',
    ]);
    expect(from.images.sort()).to.deep.equal([
      '/img/Zoe/Zoe_0001.jpg',
      '/img/Zoe/Zoe_0002.jpg',
      '/img/Zoe/Zoe_0003.jpg',
    ]);
  });
});

describe('facegate embed and eval (command line)', function () {
  this.timeout(300_000);
  const cli = join(process.cwd(), 'bin/facegate.js');
  const folder = temporaryFolder();

  it('embed --json prints every face with box, score, landmarks and embedding', async () => {
    const { stdout } = await run('node', [
      cli,
      'embed',
      join(process.cwd(), 'node_modules/@vladmandic/face-api/demo/sample1.jpg'),
      '--json',
    ]);
    const { faces } = JSON.parse(stdout);
    expect(faces.length).to.be.at.least(2);
    for (const face of faces) {
      expect(face.box).to.have.length(4);
      expect(face.score).to.be.within(0, 1);
      expect(face.landmarks).to.have.length(6);
      expect(face.embedding).to.have.length(512);
    }
  });

  it('embed --json on a file that is no image prints the error and exits 1', async () => {
    const file = join(folder, 'notes.jpg');
    writeFileSync(file, 'not a photo');
    const failure = await run('node', [cli, 'embed', file, '--json']).then(
      () => null,
      (e) => e,
    );
    expect(failure.code).to.equal(1);
    expect(JSON.parse(failure.stdout)).to.deep.equal({
      error: {
        code: 'not_an_image',
        message: 'This file is not an image we can read. Send a JPEG, PNG or WebP photo.',
      },
    });
  });

  it('eval --json on a small LFW-format set reports every figure, and writes the plot and calibration', async () => {
    const images = join(folder, 'images');
    for (let person = 0; person < 4; person++) {
      const name = `Person_${person}`;
      mkdirSync(join(images, name), { recursive: true });
      const jpeg = await portrait(person);
      writeFileSync(join(images, name, `${name}_0001.jpg`), jpeg);
      writeFileSync(join(images, name, `${name}_0002.jpg`), await variants.rescaled(jpeg));
    }
    const pairsFile = join(folder, 'pairs.txt');
    writeFileSync(
      pairsFile,
      [
        '4',
        ...[0, 1, 2, 3].map((p) => `Person_${p}\t1\t2`),
        ...[0, 1, 2, 3].map((p) => `Person_${p}\t1\tPerson_${(p + 1) % 4}\t2`),
      ].join('\n'),
    );
    const { stdout } = await run('node', [
      cli,
      'eval',
      '--pairs',
      pairsFile,
      '--images',
      images,
      '--json',
      '--folds',
      '2',
      '--plot',
      join(folder, 'roc.svg'),
      '--calibration',
      join(folder, 'calibration.json'),
    ]);
    const report = JSON.parse(stdout);
    expect(report).to.include.keys(
      'pairs',
      'no_face',
      'accuracy',
      'accuracy_std',
      'eer',
      'tar_at_far',
      'threshold_far_1e-4',
    );
    expect(report.tar_at_far).to.have.keys('1e-2', '1e-3', '1e-4', '1e-5');
    expect(report.pairs).to.equal(8);
    expect(report.no_face).to.equal(0);
    expect(report.accuracy).to.equal(1);
    expect(readFileSync(join(folder, 'roc.svg'), 'utf8')).to.match(/^<svg/);
    expect(JSON.parse(readFileSync(join(folder, 'calibration.json'), 'utf8'))).to.include.keys(
      'embedder',
      'falseMatch',
      'genuineAccept',
    );
  });
});
