/**
 * The store as the next start will find it, after a kill: what it holds (accounts, templates per
 * account, keys, oidc-provider records by model) and, on SQLite, SQLite's own integrity and
 * foreign-key checks. Opened as the server opens it, so a write-ahead log left by a crash is
 * recovered first. Redis keeps no oidc records by model that can be counted through the store.
 */
import Database from 'better-sqlite3';
import pg from 'pg';
import type { StoreSpec } from '../../adapters/contract.js';
import { openStore } from '../../adapters/open.js';

export interface DatabaseState {
  integrity: string;
  foreignKeyProblems: number;
  accounts: number;
  templatesPerAccount: Record<string, number>;
  keys: number;
  oidcRecords: Record<string, number>;
}

const ACCOUNTS = 'SELECT count(*) AS n FROM accounts';
const TEMPLATES_PER_ACCOUNT =
  'SELECT a.id, count(t.id) AS n FROM accounts a LEFT JOIN face_templates t ON t.account_id = a.id GROUP BY a.id ORDER BY a.id';
const KEYS = 'SELECT count(*) AS n FROM keys';
const OIDC = 'SELECT model, count(*) AS n FROM oidc GROUP BY model ORDER BY model';

export async function checkDatabase(spec: StoreSpec): Promise<DatabaseState> {
  switch (spec.type) {
    case 'sqlite':
      return checkSqlite(spec.file);
    case 'postgres':
      return checkPostgres(spec.url);
    case 'redis':
      return checkThroughStore(spec);
  }
}

function checkSqlite(file: string): DatabaseState {
  const db = new Database(file);
  try {
    const integrity = (db.pragma('integrity_check') as { integrity_check: string }[])
      .map((r) => r.integrity_check)
      .join('; ');
    const foreignKeyProblems = (db.pragma('foreign_key_check') as unknown[]).length;
    const rows = <T>(sql: string) => db.prepare(sql).all() as T[];
    return {
      integrity,
      foreignKeyProblems,
      accounts: rows<{ n: number }>(ACCOUNTS)[0].n,
      templatesPerAccount: Object.fromEntries(
        rows<{ id: string; n: number }>(TEMPLATES_PER_ACCOUNT).map((r) => [r.id, r.n]),
      ),
      keys: rows<{ n: number }>(KEYS)[0].n,
      oidcRecords: Object.fromEntries(rows<{ model: string; n: number }>(OIDC).map((r) => [r.model, r.n])),
    };
  } finally {
    db.close();
  }
}

/** The same queries; a foreign key PostgreSQL enforces itself cannot be broken, so none is looked for. */
async function checkPostgres(url: string): Promise<DatabaseState> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const rows = async <T>(sql: string) => (await client.query(sql)).rows as T[];
    return {
      integrity: 'not checked (PostgreSQL recovers from its write-ahead log by itself)',
      foreignKeyProblems: 0,
      accounts: Number((await rows<{ n: string }>(ACCOUNTS))[0].n),
      templatesPerAccount: Object.fromEntries(
        (await rows<{ id: string; n: string }>(TEMPLATES_PER_ACCOUNT)).map((r) => [r.id, Number(r.n)]),
      ),
      keys: Number((await rows<{ n: string }>(KEYS))[0].n),
      oidcRecords: Object.fromEntries(
        (await rows<{ model: string; n: string }>(OIDC)).map((r) => [r.model, Number(r.n)]),
      ),
    };
  } finally {
    await client.end();
  }
}

async function checkThroughStore(spec: StoreSpec): Promise<DatabaseState> {
  const store = await openStore(spec);
  try {
    const accounts = await store.accounts.list();
    const templatesPerAccount: Record<string, number> = {};
    for (const { id } of accounts) templatesPerAccount[id] = (await store.templates.listForAccount(id)).length;
    return {
      integrity: 'not checked (Redis has no such check)',
      foreignKeyProblems: 0,
      accounts: accounts.length,
      templatesPerAccount,
      keys: (await store.keys.list('signing')).length + (await store.keys.list('cookie')).length,
      oidcRecords: {},
    };
  } finally {
    await store.close();
  }
}
