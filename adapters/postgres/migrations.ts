import type pg from 'pg';
import { transaction } from './connection.js';

/**
 * The schema, as an append-only list: migration i brings the schema from version i to i + 1, and
 * `schema_migrations` has one row per migration applied. A later store adds a migration at the
 * end; none is ever edited.
 *
 * Times are epoch milliseconds (bigint), as in the other backends; JSON is kept as `json` (the
 * text as given: oidc-provider's payloads may hold any string, which `jsonb` would refuse).
 */
const migrations: string[] = [
  `
  CREATE TABLE oidc (
    model text NOT NULL,
    id text NOT NULL,
    payload json NOT NULL,
    grant_id text,
    uid text,
    user_code text,
    consumed_at bigint,
    expires_at bigint,
    PRIMARY KEY (model, id)
  );
  CREATE INDEX oidc_grant ON oidc (model, grant_id) WHERE grant_id IS NOT NULL;
  CREATE INDEX oidc_uid ON oidc (model, uid) WHERE uid IS NOT NULL;
  CREATE INDEX oidc_user_code ON oidc (model, user_code) WHERE user_code IS NOT NULL;
  CREATE INDEX oidc_expiry ON oidc (expires_at) WHERE expires_at IS NOT NULL;

  CREATE TABLE accounts (
    id text PRIMARY KEY,
    profile json NOT NULL,
    created_at bigint NOT NULL
  );
  CREATE TABLE face_templates (
    id text PRIMARY KEY,
    account_id text NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    model text NOT NULL,
    embedding bytea NOT NULL,
    created_at bigint NOT NULL
  );
  CREATE INDEX face_templates_model ON face_templates (model);
  CREATE INDEX face_templates_account ON face_templates (account_id);
  CREATE TABLE revision (
    id integer PRIMARY KEY CHECK (id = 1),
    value bigint NOT NULL
  );
  INSERT INTO revision (id, value) VALUES (1, 0);

  CREATE TABLE keys (
    kind text NOT NULL,
    kid text NOT NULL,
    jwk json NOT NULL,
    created_at bigint NOT NULL,
    seq bigserial NOT NULL,
    PRIMARY KEY (kind, kid)
  );

  CREATE TABLE invitations (
    token_hash text PRIMARY KEY,
    account_id text NOT NULL,
    profile json NOT NULL,
    replace_templates boolean NOT NULL,
    created_at bigint NOT NULL,
    expires_at bigint NOT NULL
  );
  CREATE INDEX invitations_expiry ON invitations (expires_at);

  CREATE TABLE audit_events (
    id bigserial PRIMARY KEY,
    at bigint NOT NULL,
    type text NOT NULL,
    result text NOT NULL,
    account_id text,
    client_id text,
    ip text,
    detail json NOT NULL,
    shelf text NOT NULL,
    fold_key text UNIQUE,
    count integer,
    last_at bigint
  );
  CREATE INDEX audit_events_at ON audit_events (at);
  CREATE INDEX audit_events_shelf ON audit_events (shelf, at);

  CREATE TABLE attempts (
    key text NOT NULL,
    at bigint NOT NULL,
    expires_at bigint NOT NULL
  );
  CREATE INDEX attempts_key ON attempts (key, at);
  CREATE INDEX attempts_expiry ON attempts (expires_at);
  `,
  // Consent (issue 15): each account's consents, and the time of its last accepted sign-in.
  `
  ALTER TABLE accounts ADD COLUMN last_sign_in_at bigint;
  CREATE TABLE consents (
    id bigserial PRIMARY KEY,
    account_id text NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    version text NOT NULL,
    at bigint NOT NULL,
    method text NOT NULL,
    invitation_hash text,
    recorded_by text
  );
  CREATE INDEX consents_account ON consents (account_id, at, id);
  `,
  // The lookups by account of the /account page: oidc-provider's records of an account (to revoke
  // them all), its audit events and its unspent invitations.
  `
  ALTER TABLE oidc ADD COLUMN account_id text;
  UPDATE oidc SET account_id = payload->>'accountId';
  CREATE INDEX oidc_account ON oidc (account_id) WHERE account_id IS NOT NULL;
  CREATE INDEX audit_events_account ON audit_events (account_id, at) WHERE account_id IS NOT NULL;
  CREATE INDEX invitations_account ON invitations (account_id);
  `,
  // Passkeys (issue 16): the public part of each WebAuthn credential, gone with its account.
  `
  CREATE TABLE passkeys (
    credential_id text PRIMARY KEY,
    account_id text NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    public_key bytea NOT NULL,
    counter bigint NOT NULL,
    transports json NOT NULL,
    created_at bigint NOT NULL,
    last_used_at bigint
  );
  CREATE INDEX passkeys_account ON passkeys (account_id, created_at);
  `,
];

/** The schema version this code writes. */
export const schemaVersion = migrations.length;

/**
 * Every instance takes this transaction-level advisory lock before it reads the schema's version:
 * of instances starting together on one database, the first migrates and the others wait, then
 * find nothing left to do. The key is facegate's own (any bigint; this one spells "facegate").
 */
const MIGRATION_LOCK = 0x6661636567617465n;

/** Brings the schema to `target` (the current version unless a test asks for an earlier one). */
export async function migrate(pool: pg.Pool, schema: string, target = schemaVersion): Promise<void> {
  await transaction(pool, async (client) => {
    await client.query({ text: 'SELECT pg_advisory_xact_lock($1)', values: [MIGRATION_LOCK.toString()] });
    // The public schema exists already; CREATE SCHEMA needs a right the operator may not have given.
    if (schema !== 'public') await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await client.query(`
      CREATE TABLE IF NOT EXISTS schema_migrations (
        version integer PRIMARY KEY,
        applied_at timestamptz NOT NULL DEFAULT now()
      )`);
    const { rows } = await client.query<{ version: number | null }>(
      'SELECT max(version) AS version FROM schema_migrations',
    );
    const from = rows[0]?.version ?? 0;
    if (from > migrations.length) {
      throw new Error(
        `the PostgreSQL schema "${schema}" is of version ${from}, newer than this facegate knows (${migrations.length}): upgrade facegate`,
      );
    }
    for (const [version, sql] of migrations.entries()) {
      if (version < from || version >= target) continue;
      await client.query(sql);
      await client.query('INSERT INTO schema_migrations (version) VALUES ($1)', [version + 1]);
    }
  });
}
