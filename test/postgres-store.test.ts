/**
 * What only the PostgreSQL backend has to prove beyond the store contract: several instances on one
 * database starting together (one migration, one set of keys), an enrolment replaced in one
 * transaction, expired rows swept. Each test opens stores of its own on one new schema, as
 * instances of one deployment would.
 */
import { expect } from 'chai';
import pg from 'pg';
import type { KeyRecord, Store, StoreSpec } from '../adapters/contract.js';
import { openStore } from '../adapters/open.js';
import { openPostgresStore } from '../adapters/postgres/store.js';
import { schemaVersion } from '../adapters/postgres/migrations.js';
import { postgresMissing, testPostgresUrl, uniqueSchema } from './helpers/postgres.js';

const vector = (...values: number[]) => Float32Array.from(values);

describe('PostgreSQL store: several instances on one database', () => {
  let url: string;
  let spec: Extract<StoreSpec, { type: 'postgres' }>;
  const stores: Store[] = [];
  let admin: pg.Client;

  beforeEach(async function () {
    const fromEnvironment = testPostgresUrl();
    if (!fromEnvironment) {
      console.warn(`      ${postgresMissing}`);
      this.skip();
    }
    url = fromEnvironment!;
    spec = { type: 'postgres', url, schema: uniqueSchema() };
    admin = new pg.Client({ connectionString: url });
    await admin.connect();
  });
  afterEach(async () => {
    await Promise.all(stores.splice(0).map((store) => store.close()));
    await admin?.end();
  });
  const open = async (count: number) => {
    const opened = await Promise.all(Array.from({ length: count }, () => openStore(spec)));
    stores.push(...opened);
    return opened;
  };

  it('migrates once when eight instances start together on an empty database', async () => {
    await open(8);
    const { rows } = await admin.query(`SELECT version FROM ${spec.schema}.schema_migrations ORDER BY version`);
    expect(rows.map((row: { version: number }) => row.version)).to.deep.equal(
      Array.from({ length: schemaVersion }, (_, i) => i + 1),
    );
  });

  it('creates the keys once when eight instances race to make them', async () => {
    const [first] = await open(1);
    const others = await open(7);
    const key = (kid: string): KeyRecord => ({
      kind: 'signing',
      kid,
      createdAt: Date.now(),
      jwk: { kty: 'EC', kid, alg: 'ES256' },
    });
    const results = await Promise.all(
      [first!, ...others].map((store, i) => store.keys.ensure('signing', [key(`k${i}a`), key(`k${i}b`)])),
    );
    expect(new Set(results.map((keys) => keys.map((k) => k.kid).join())).size).to.equal(1);
    const { rows } = await admin.query(`SELECT count(*)::integer AS n FROM ${spec.schema}.keys`);
    expect(rows[0].n).to.equal(2);
  });

  it('never shows a half-replaced enrolment to another instance', async () => {
    const [writer, reader] = await open(2);
    await writer!.accounts.upsert({ id: 'alice' });
    await writer!.templates.add('alice', 'm', [vector(1), vector(1), vector(1)]);
    const seen = new Set<string>();
    let writing = true;
    const reading = (async () => {
      while (writing) {
        const templates = await reader!.templates.listForAccount('alice');
        seen.add(`${templates.length}:${new Set(templates.map((t) => t.embedding[0])).size}`);
      }
    })();
    for (let round = 2; round < 40; round++) {
      await writer!.templates.add('alice', 'm', [vector(round), vector(round), vector(round)], { replace: true });
    }
    writing = false;
    await reading;
    // Three templates of one enrolment, every time: never none, six, or a mix of two enrolments.
    expect([...seen]).to.deep.equal(['3:1']);
  });

  it('sweeps expired rows away, and keeps the live ones', async () => {
    const store = await openPostgresStore(url, spec.schema, { sweepEveryMs: 100 });
    stores.push(store);
    await store.adapterFor('Interaction').upsert('gone', { uid: 'gone' }, 0.05);
    await store.adapterFor('Interaction').upsert('kept', { uid: 'kept' }, 60);
    await store.invitations.create({
      tokenHash: 'old',
      accountId: 'a',
      profile: {},
      replace: false,
      createdAt: 0,
      expiresAt: Date.now() + 50,
    });
    await store.attempts.record('k', 0.05);
    const count = async (table: string) =>
      (await admin.query(`SELECT count(*)::integer AS n FROM ${spec.schema}.${table}`)).rows[0].n as number;
    for (let i = 0; i < 100 && (await count('oidc')) > 1; i++) await new Promise((r) => setTimeout(r, 50));
    expect(await count('oidc')).to.equal(1);
    expect(await count('invitations')).to.equal(0);
    expect(await count('attempts')).to.equal(0);
    expect(await store.adapterFor('Interaction').find('kept')).to.deep.equal({ uid: 'kept' });
  });
});
