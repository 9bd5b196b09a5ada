import { expect } from 'chai';
import { decideIdentification, decideVerification } from '../src/face/match/decision.js';
import { currentModels, Gallery } from '../src/face/match/gallery.js';
import { MemoryTemplateSource } from '../src/face/match/memory-template-source.js';
import { quantizedShortlister, topRows } from '../src/face/match/quantized-index.js';
import { loadCalibration } from '../src/face/match/load-calibration.js';
import { ThresholdPolicy } from '../src/face/match/threshold-policy.js';
import { fuse, normalise } from '../src/face/embed/vectors.js';

/** A deterministic pseudo-random unit vector (xorshift), so failures reproduce. */
function randomUnit(seed: number, dims = 128): Float32Array {
  let x = (seed * 2654435761) >>> 0 || 1;
  const v = new Float32Array(dims);
  for (let i = 0; i < dims; i++) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >> 17;
    x ^= x << 5;
    x >>>= 0;
    v[i] = x / 0xffffffff - 0.5;
  }
  return normalise(v);
}

/** `base` moved towards `towards` by t, renormalised: a face close to another. */
function near(base: Float32Array, towards: Float32Array, t: number): Float32Array {
  return normalise(base.map((v, i) => (1 - t) * v + t * towards[i]));
}

const MODEL = 'test-model';

describe('gallery and decision', () => {
  const alice = randomUnit(1);
  const bob = randomUnit(2);
  const carol = randomUnit(3);
  const policy = { threshold: 0.6, margin: 0.1 };

  async function galleryOf(entries: [string, Float32Array[]][], options = {}): Promise<Gallery> {
    const source = new MemoryTemplateSource();
    for (const [id, templates] of entries) source.add(MODEL, id, ...templates);
    return Gallery.load(source, [{ id: MODEL, metric: 'euclidean' }], options);
  }

  /** 1:N as the recognizer runs it, every candidate under `policy`. */
  async function identify(gallery: Gallery, probe: Float32Array) {
    return decideIdentification((await gallery.nearestAccounts({ [MODEL]: probe })).map((c) => ({ ...c, ...policy })));
  }

  it('identifies the nearest account when it is within the threshold and clear of the next', async () => {
    const gallery = await galleryOf([
      ['alice', [alice]],
      ['bob', [bob]],
      ['carol', [carol]],
    ]);
    const decision = await identify(gallery, near(alice, bob, 0.1));
    expect(decision).to.include({ kind: 'accepted', accountId: 'alice', model: MODEL });
    expect(decision.distance).to.be.within(0, 0.6);
    expect(decision.margin).to.be.above(0.1);
  });

  it('refuses a stranger, and says who was nearest and how far', async () => {
    const gallery = await galleryOf([
      ['alice', [alice]],
      ['bob', [bob]],
    ]);
    const decision = await identify(gallery, carol);
    expect(decision).to.include({ kind: 'refused', reason: 'not_recognised' });
    expect(decision.distance).to.be.above(0.6);
  });

  it('refuses a probe halfway between two accounts as ambiguous', async () => {
    const twin = near(alice, bob, 0.05);
    const gallery = await galleryOf([
      ['alice', [alice]],
      ['alices-twin', [twin]],
    ]);
    expect(await identify(gallery, near(alice, twin, 0.5))).to.include({ kind: 'refused', reason: 'ambiguous' });
  });

  it('refuses everyone when nobody is enrolled', async () => {
    const gallery = await galleryOf([]);
    expect(await identify(gallery, alice)).to.include({ kind: 'refused', reason: 'no_templates' });
  });

  it('compares an account through the mean of its templates', async () => {
    const [a1, a2] = [near(alice, bob, 0.2), near(alice, carol, 0.2)];
    const gallery = await galleryOf([['alice', [a1, a2]]]);
    expect(gallery.templateCount).to.equal(2);
    expect(gallery.accountCount).to.equal(1);
    expect(gallery.accountDistance({ [MODEL]: alice }, 'alice')!.distance).to.be.closeTo(
      Math.sqrt(2 - 2 * dot(alice, fuse([a1, a2]))),
      1e-6,
    );
  });

  it('verifies 1:1 only against the claimed account', async () => {
    const gallery = await galleryOf([
      ['alice', [alice]],
      ['bob', [bob]],
    ]);
    const probe = { [MODEL]: near(alice, bob, 0.1) };
    expect(decideVerification('alice', gallery.accountDistance(probe, 'alice'), policy)).to.include({
      kind: 'accepted',
      accountId: 'alice',
    });
    expect(decideVerification('bob', gallery.accountDistance(probe, 'bob'), policy)).to.include({
      kind: 'refused',
      reason: 'not_recognised',
    });
    expect(decideVerification('nobody', gallery.accountDistance(probe, 'nobody'), policy)).to.include({
      kind: 'refused',
      reason: 'no_templates',
    });
  });

  it('reloads when the source changes (an enrolment on another instance)', async () => {
    const source = new MemoryTemplateSource();
    source.add(MODEL, 'alice', alice);
    const gallery = await Gallery.load(source, [{ id: MODEL, metric: 'euclidean' }]);
    source.add(MODEL, 'bob', bob);
    expect(gallery.accountCount).to.equal(1);
    await gallery.refresh();
    expect(gallery.accountCount).to.equal(2);
  });

  it('counts an account whose templates are of a model not loaded here, but cannot search it', async () => {
    const source = new MemoryTemplateSource();
    source.add('other-model', 'alice', alice);
    const gallery = await Gallery.load(source, [{ id: MODEL, metric: 'euclidean' }]);
    expect(gallery.accountCount).to.equal(1);
    expect(gallery.modelsInUse()).to.deep.equal([]);
    expect(gallery.unserved()).to.deep.equal(new Map([['other-model', 1]]));
    expect(gallery.accountDistance({ [MODEL]: alice, 'other-model': alice }, 'alice')).to.equal(undefined);
  });
});

describe('a gallery over two embedders (after the configured model changed)', () => {
  const NEW = 'new-model';
  const OLD = 'old-model';
  const models = [
    { id: NEW, metric: 'cosine' as const },
    { id: OLD, metric: 'euclidean' as const },
  ];
  // The same people under each model: unrelated spaces, as two networks give.
  const person = (seed: number) => ({ [NEW]: randomUnit(seed, 512), [OLD]: randomUnit(seed + 500) });
  const [ann, ben, cid] = [person(1), person(2), person(3)];

  it('compares each account under the configured model once it has a template of it, else under its older model', async () => {
    const source = new MemoryTemplateSource();
    source.add(OLD, 'ann', ann[OLD]);
    source.add(OLD, 'ben', ben[OLD]);
    source.add(NEW, 'ben', ben[NEW]);
    source.add(NEW, 'cid', cid[NEW]);
    const gallery = await Gallery.load(source, models);
    expect(['ann', 'ben', 'cid'].map((id) => gallery.modelOf(id))).to.deep.equal([OLD, NEW, NEW]);
    expect(gallery.accountCount).to.equal(3);
    expect(gallery.modelsInUse()).to.deep.equal([NEW, OLD]);
    expect(gallery.templateCount).to.equal(3, "ben's older template is not searched");
    expect(gallery.accountDistance(ann, 'ann')).to.deep.include({ model: OLD });
    expect(gallery.accountDistance(ann, 'ann')!.distance).to.be.below(1e-3);
    expect((await gallery.nearestAccounts(ben)).map((c) => `${c.model}:${c.accountId}`).sort()).to.deep.equal([
      `${NEW}:ben`,
      `${NEW}:cid`,
      `${OLD}:ann`,
    ]);
  });

  it('an account under two older models is compared under the one of its newest template', () => {
    const usage = [
      { accountId: 'ann', model: 'a', newest: 1 },
      { accountId: 'ann', model: 'b', newest: 5 },
      { accountId: 'ben', model: 'b', newest: 2 },
      { accountId: 'ben', model: NEW, newest: 1 },
      { accountId: 'cid', model: 'b', newest: 9 },
      { accountId: 'cid', model: 'a', newest: 3 },
    ];
    expect(currentModels(usage, [NEW, 'a', 'b'])).to.deep.equal(
      new Map([
        ['ann', 'b'],
        ['ben', NEW],
        ['cid', 'b'],
      ]),
    );
    expect(currentModels(usage, [NEW, 'a']), 'b not loaded: the newest loaded model').to.deep.equal(
      new Map([
        ['ann', 'a'],
        ['ben', NEW],
        ['cid', 'a'],
      ]),
    );
  });

  it('decides across two models by distances as shares of their own thresholds, the margin rule included', () => {
    const newRule = { threshold: 0.6, margin: 0.06 };
    const oldRule = { threshold: 0.3, margin: 0.04 };
    // Ann at half her (old) threshold, ben at 0.9 of his (new) one: ann, well clear.
    const clear = decideIdentification([
      { accountId: 'ben', model: NEW, distance: 0.54, ...newRule },
      { accountId: 'ann', model: OLD, distance: 0.15, ...oldRule },
    ]);
    expect(clear).to.include({ kind: 'accepted', accountId: 'ann', model: OLD, distance: 0.15 });
    expect(clear.margin).to.be.closeTo((0.9 - 0.5) * 0.3, 1e-9);
    // Within both thresholds and less than the larger margin share apart (0.04 / 0.3 = 0.133): nobody.
    const close = decideIdentification([
      { accountId: 'ben', model: NEW, distance: 0.33, ...newRule },
      { accountId: 'ann', model: OLD, distance: 0.15, ...oldRule },
    ]);
    expect(close).to.include({ kind: 'refused', reason: 'ambiguous', nearest: 'ann' });
    // Nobody within their own threshold, though 0.35 is a short distance under the new model's scale.
    expect(
      decideIdentification([
        { accountId: 'ben', model: NEW, distance: 0.72, ...newRule },
        { accountId: 'ann', model: OLD, distance: 0.35, ...oldRule },
      ]),
    ).to.include({ kind: 'refused', reason: 'not_recognised', nearest: 'ann', model: OLD });
  });
});

describe('quantised shortlist for large galleries', () => {
  it('finds the same nearest two accounts as the exact scan over 20,000 accounts', async () => {
    const source = new MemoryTemplateSource();
    for (let i = 0; i < 20_000; i++) source.add(MODEL, `user-${i}`, randomUnit(1000 + i));
    const exact = await Gallery.load(source, [{ id: MODEL, metric: 'euclidean' }]);
    const quick = await Gallery.load(source, [{ id: MODEL, metric: 'euclidean' }], {
      shortlister: quantizedShortlister,
      shortlistFrom: 1,
    });
    for (let p = 0; p < 25; p++) {
      const probe = { [MODEL]: near(randomUnit(1000 + p * 37), randomUnit(5 + p), 0.15) };
      expect(await quick.nearestAccounts(probe)).to.deep.equal(await exact.nearestAccounts(probe));
    }
  });

  it('picks the top rows', () => {
    const scores = Int32Array.from([5, -3, 9, 0, 9, 2, 7]);
    expect([...topRows(scores, 3)].sort((a, b) => a - b)).to.deep.equal([2, 4, 6]);
  });
});

describe('threshold policy', () => {
  const calibration = loadCalibration('dlib-resnet-v1@efd44eff47ae', { landmarks: true, mirrorFusion: true });
  const policy = (settings = {}) =>
    new ThresholdPolicy(
      { targetFalseAcceptRate: 1e-4, minGenuineAcceptRate: 0.5, fixedThreshold: null, ...settings },
      calibration,
    );

  it('uses the 1:1 threshold for a gallery of one, and tightens it as the gallery grows', () => {
    const p = policy();
    const one = p.identification(1);
    const ten = p.identification(10);
    expect(one.allowed && ten.allowed).to.equal(true);
    if (!one.allowed || !ten.allowed) return;
    expect(one.threshold).to.be.closeTo(p.verification(), 1e-9);
    expect(ten.threshold).to.be.below(one.threshold);
    expect(ten.falseMatchRate).to.be.closeTo(1e-5, 1e-7);
  });

  it('refuses 1:N once the threshold would turn most genuine users away, but keeps 1:1', () => {
    const p = policy();
    const huge = p.identification(100_000);
    expect(huge.allowed).to.equal(false);
    expect(p.verification()).to.be.above(0.2);
  });

  it('takes a fixed threshold as given', () => {
    const p = policy({ fixedThreshold: 0.42 });
    expect(p.identification(1_000_000)).to.include({ allowed: true, threshold: 0.42 });
    expect(p.verification()).to.equal(0.42);
  });

  it('needs a calibration or a fixed threshold', () => {
    expect(
      () => new ThresholdPolicy({ targetFalseAcceptRate: 1e-4, minGenuineAcceptRate: 0.5, fixedThreshold: null }, null),
    ).to.throw(/face\.threshold/);
  });
});

function dot(a: Float32Array, b: Float32Array): number {
  return a.reduce((s, v, i) => s + v * b[i], 0);
}
