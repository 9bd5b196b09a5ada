import { expect } from 'chai';
import { join } from 'node:path';
import type { Store } from '../adapters/contract.js';
import { openStore } from '../adapters/open.js';
import type { Recognition } from '../src/face/recognizer.js';
import { createLogger } from '../src/server/logger.js';
import { AuditTrail } from '../src/access/audit-trail.js';
import { carryOver } from '../src/access/carry-over.js';
import { temporaryFolder } from './helpers/stores.js';

const OLD = 'old-model@000000000000';
const NEW = 'new-model@111111111111';

/** A sign-in accepted under `model` at `distance` of a threshold of 0.3, its probe embedded by both models. */
function accepted(distance: number, model = OLD): Recognition {
  return {
    kind: '1:N',
    threshold: 0.3,
    analyses: [],
    decision: { kind: 'accepted', accountId: 'ann', model, distance, margin: 0.2 },
    probe: { [NEW]: Float32Array.of(0.6, 0.8), [OLD]: Float32Array.of(1, 0) },
  };
}

/**
 * The rules that keep carrying accounts over from turning a false accept into a permanent template:
 * each case is the sign-in an attacker would want carried over (a photo with the live check off, a
 * borderline match, a second try to plant more templates), refused one rule at a time.
 */
describe('carrying an account over to the configured embedder at sign-in', () => {
  let store: Store;
  let audit: AuditTrail;
  const ctx = (live: boolean) => ({ model: NEW, live, clientId: 'spa', ip: '198.51.100.7', interaction: 'uid-1' });
  const modelsOf = async () => (await store.templates.listForAccount('ann')).map((t) => t.model).sort();

  beforeEach(async () => {
    store = await openStore({ type: 'sqlite', file: join(temporaryFolder(), 'carry.sqlite') });
    audit = new AuditTrail(store.audit, createLogger('silent'));
    await store.accounts.upsert({ id: 'ann' });
    await store.templates.add('ann', OLD, [Float32Array.of(1, 0)]);
  });
  afterEach(() => store.close());

  it("adds one template of the configured model after a live sign-in well inside the older model's threshold, audited", async () => {
    expect(await carryOver(accepted(0.2), ctx(true), store.templates, audit)).to.equal(true);
    expect(await modelsOf()).to.deep.equal([NEW, OLD]);
    const [event] = await store.audit.recent(1);
    expect(event).to.deep.include({
      type: 'enrollment',
      result: 'carried_over',
      accountId: 'ann',
      clientId: 'spa',
      ip: '198.51.100.7',
    });
    expect(event!.detail).to.include({
      from: OLD,
      to: NEW,
      distance: 0.2,
      threshold: 0.3,
      templates: 1,
      interaction: 'uid-1',
    });
  });

  it('not without the live check (a photo held up where liveness is off)', async () => {
    expect(await carryOver(accepted(0.2), ctx(false), store.templates, audit)).to.equal(false);
    expect(await modelsOf()).to.deep.equal([OLD]);
  });

  it('not from a borderline accept: beyond 0.8 of the threshold', async () => {
    expect(await carryOver(accepted(0.25), ctx(true), store.templates, audit)).to.equal(false);
    expect(await modelsOf()).to.deep.equal([OLD]);
    expect(await carryOver(accepted(0.24), ctx(true), store.templates, audit)).to.equal(true);
  });

  it('not a second time: one carried template at most', async () => {
    await carryOver(accepted(0.1), ctx(true), store.templates, audit);
    expect(await carryOver(accepted(0.1), ctx(true), store.templates, audit)).to.equal(false);
    expect(await modelsOf()).to.deep.equal([NEW, OLD]);
  });

  it('not for a sign-in the configured model accepted, nor a refused one', async () => {
    expect(await carryOver(accepted(0.1, NEW), ctx(true), store.templates, audit)).to.equal(false);
    const refused: Recognition = {
      kind: '1:N',
      threshold: 0.3,
      analyses: [],
      probe: { [NEW]: Float32Array.of(0.6, 0.8) },
      decision: { kind: 'refused', reason: 'ambiguous', nearest: 'ann', model: OLD, distance: 0.1, margin: 0.01 },
    };
    expect(await carryOver(refused, ctx(true), store.templates, audit)).to.equal(false);
    expect(await modelsOf()).to.deep.equal([OLD]);
    expect(await store.audit.recent(5)).to.deep.equal([]);
  });
});
