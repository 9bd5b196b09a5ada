import type { Database } from 'better-sqlite3';

/**
 * The schema, as an append-only list: migration i brings the file from version i to i + 1
 * (SQLite's `user_version`). A later store adds a migration at the end; none is ever edited.
 */
const migrations: string[] = [
  `
  CREATE TABLE oidc (
    model TEXT NOT NULL,
    id TEXT NOT NULL,
    payload TEXT NOT NULL,
    grant_id TEXT,
    uid TEXT,
    user_code TEXT,
    consumed_at INTEGER,
    expires_at INTEGER,
    PRIMARY KEY (model, id)
  ) WITHOUT ROWID;
  CREATE INDEX oidc_grant ON oidc (model, grant_id) WHERE grant_id IS NOT NULL;
  CREATE INDEX oidc_uid ON oidc (model, uid) WHERE uid IS NOT NULL;
  CREATE INDEX oidc_user_code ON oidc (model, user_code) WHERE user_code IS NOT NULL;
  CREATE INDEX oidc_expiry ON oidc (expires_at) WHERE expires_at IS NOT NULL;

  CREATE TABLE accounts (
    id TEXT PRIMARY KEY,
    profile TEXT NOT NULL,
    created_at INTEGER NOT NULL
  );
  CREATE TABLE face_templates (
    id TEXT PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    model TEXT NOT NULL,
    embedding BLOB NOT NULL,
    created_at INTEGER NOT NULL
  );
  CREATE INDEX face_templates_model ON face_templates (model);
  CREATE INDEX face_templates_account ON face_templates (account_id);
  CREATE TABLE revision (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    value INTEGER NOT NULL
  );
  INSERT INTO revision (id, value) VALUES (1, 0);

  CREATE TABLE keys (
    kind TEXT NOT NULL,
    kid TEXT NOT NULL,
    jwk TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    seq INTEGER NOT NULL,
    PRIMARY KEY (kind, kid)
  );
  `,
  `
  CREATE TABLE invitations (
    token_hash TEXT PRIMARY KEY,
    account_id TEXT NOT NULL,
    profile TEXT NOT NULL,
    replace_templates INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
  ) WITHOUT ROWID;
  CREATE INDEX invitations_expiry ON invitations (expires_at);

  CREATE TABLE audit_events (
    id INTEGER PRIMARY KEY,
    at INTEGER NOT NULL,
    type TEXT NOT NULL,
    result TEXT NOT NULL,
    account_id TEXT,
    client_id TEXT,
    ip TEXT,
    detail TEXT NOT NULL
  );
  CREATE INDEX audit_events_at ON audit_events (at);

  CREATE TABLE attempts (
    key TEXT NOT NULL,
    at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
  );
  CREATE INDEX attempts_key ON attempts (key, at);
  CREATE INDEX attempts_expiry ON attempts (expires_at);
  `,
  // The audit trail's two shelves (adapters/audit-retention.ts: shelfOf, written here once in SQL
  // for the events stored before), and folded events: one row per key and window, with a count.
  `
  ALTER TABLE audit_events ADD COLUMN shelf TEXT NOT NULL DEFAULT 'refusals';
  ALTER TABLE audit_events ADD COLUMN fold_key TEXT;
  ALTER TABLE audit_events ADD COLUMN count INTEGER;
  ALTER TABLE audit_events ADD COLUMN last_at INTEGER;
  UPDATE audit_events SET shelf = 'records'
    WHERE type NOT IN ('signin', 'enrollment') OR result IN ('accepted', 'enrolled');
  CREATE INDEX audit_events_shelf ON audit_events (shelf, at);
  CREATE UNIQUE INDEX audit_events_fold ON audit_events (fold_key) WHERE fold_key IS NOT NULL;
  `,
  // Consent (issue 15): each account's consents, and the time of its last accepted sign-in.
  `
  ALTER TABLE accounts ADD COLUMN last_sign_in_at INTEGER;
  CREATE TABLE consents (
    id INTEGER PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    version TEXT NOT NULL,
    at INTEGER NOT NULL,
    method TEXT NOT NULL,
    invitation_hash TEXT,
    recorded_by TEXT
  );
  CREATE INDEX consents_account ON consents (account_id, at, id);
  `,
  // The lookups by account of the /account page: oidc-provider's records of an account (to revoke
  // them all), its audit events and its unspent invitations.
  `
  ALTER TABLE oidc ADD COLUMN account_id TEXT;
  UPDATE oidc SET account_id = json_extract(payload, '$.accountId') WHERE json_valid(payload);
  CREATE INDEX oidc_account ON oidc (account_id) WHERE account_id IS NOT NULL;
  CREATE INDEX audit_events_account ON audit_events (account_id, at) WHERE account_id IS NOT NULL;
  CREATE INDEX invitations_account ON invitations (account_id);
  `,
  // Passkeys (issue 16): the public part of each WebAuthn credential, gone with its account.
  `
  CREATE TABLE passkeys (
    credential_id TEXT PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    public_key BLOB NOT NULL,
    counter INTEGER NOT NULL,
    transports TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    last_used_at INTEGER
  ) WITHOUT ROWID;
  CREATE INDEX passkeys_account ON passkeys (account_id, created_at);
  `,
];

/** The schema version this code writes. */
export const schemaVersion = migrations.length;

/** Brings the file to `target` (the current version unless a test asks for an earlier one). */
export function migrate(db: Database, target = schemaVersion): void {
  db.transaction(() => {
    const from = db.pragma('user_version', { simple: true }) as number;
    if (from > migrations.length) {
      throw new Error(
        `the store file is of schema version ${from}, newer than this facegate knows (${migrations.length}): upgrade facegate`,
      );
    }
    for (const [version, sql] of migrations.entries()) {
      if (version >= from && version < target) db.exec(sql);
    }
    if (target > from) db.pragma(`user_version = ${target}`);
  }).immediate();
}
