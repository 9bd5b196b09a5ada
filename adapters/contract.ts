/**
 * What facegate keeps, as interfaces every storage backend implements (sqlite, redis). The server
 * (src/) sees only these; a backend imports nothing from src/.
 *
 * A Store is a record of named sub-stores. A later store (invitations, audit events, rate-limit
 * windows) is one more property here and one more module per backend; nothing existing changes.
 * Every method rejects with StoreUnavailableError (code `store_unavailable`) when the backend
 * cannot be reached, so the HTTP layer can answer 503 whatever the backend.
 */

/** oidc-provider's model payloads, as the adapter sees them: JSON objects it must keep as given. */
export interface OidcPayload {
  [key: string]: unknown;
  grantId?: string;
  uid?: string;
  userCode?: string;
  consumed?: number;
}

/** oidc-provider's Adapter contract, one instance per model name ("Session", "AccessToken", ...). */
export interface OidcAdapter {
  /** Stores payload under id, replacing what was there; expiresIn is in seconds from now. */
  upsert(id: string, payload: OidcPayload, expiresIn?: number): Promise<void>;
  find(id: string): Promise<OidcPayload | undefined>;
  /** Sessions only. */
  findByUid(uid: string): Promise<OidcPayload | undefined>;
  /** Device codes only. */
  findByUserCode(userCode: string): Promise<OidcPayload | undefined>;
  /**
   * Spends the record (sets `consumed` to the time in epoch seconds; a later find shows it), atomically:
   * of concurrent calls one spends it, the others reject with AlreadyConsumedError, as does a call on a
   * record already spent or no longer there (revoked meanwhile: oidc-provider spends what it has just found).
   */
  consume(id: string): Promise<void>;
  destroy(id: string): Promise<void>;
  /** Removes every record of this model that belongs to the grant. */
  revokeByGrantId(grantId: string): Promise<void>;
}

export interface AccountRecord {
  id: string;
  name?: string;
  givenName?: string;
  familyName?: string;
  email?: string;
  emailVerified?: boolean;
  picture?: string;
  /** Epoch milliseconds of the first upsert; kept by later upserts. */
  createdAt: number;
  /** Epoch milliseconds of the last accepted sign-in; absent until the first. Kept by upserts. */
  lastSignInAt?: number;
}

export type AccountInput = Omit<AccountRecord, 'createdAt' | 'lastSignInAt'>;

export interface AccountStore {
  /** Creates or replaces the account's profile (fields left out are cleared); keeps createdAt. */
  upsert(account: AccountInput): Promise<AccountRecord>;
  get(id: string): Promise<AccountRecord | undefined>;
  /** Every account, ordered by id. */
  list(): Promise<AccountRecord[]>;
  /** Removes the account, all its face templates and its consents in one step; false when there was none. */
  remove(id: string): Promise<boolean>;
  /**
   * Records an accepted sign-in at `at` (epoch ms): lastSignInAt becomes the later of it and the one
   * kept (sign-ins finishing out of order never move it back). False when there is no such account.
   * Not a gallery change: no revision, no follower told.
   */
  signedIn(id: string, at: number): Promise<boolean>;
}

export interface FaceTemplateRecord {
  id: string;
  accountId: string;
  /** The embedder that made it: templates of different models are never compared. */
  model: string;
  embedding: Float32Array;
  /** Epoch milliseconds. */
  createdAt: number;
}

/** How many templates one account has of one model, and when the newest was made. */
export interface TemplateUsage {
  accountId: string;
  model: string;
  templates: number;
  /** Epoch milliseconds of the newest of them. */
  newest: number;
}

/**
 * A change to the gallery: one account's templates or profile changed (added, replaced, removed:
 * read the account again), or anything may have changed (a model's templates removed, or
 * notifications missed while a connection was down: read everything again).
 */
export type GalleryChange = { account: string } | { all: true };

export interface TemplateStore {
  /**
   * Adds the account's templates atomically. With `replace`, the account's earlier templates of
   * that model go in the same transaction. Rejects with AccountNotFoundError for an unknown account.
   */
  add(
    accountId: string,
    model: string,
    embeddings: Float32Array[],
    opts?: { replace?: boolean },
  ): Promise<FaceTemplateRecord[]>;
  list(model: string): Promise<FaceTemplateRecord[]>;
  listForAccount(accountId: string): Promise<FaceTemplateRecord[]>;
  /** Which models every account has templates of, without the embeddings: one row per account and model. */
  usage(): Promise<TemplateUsage[]>;
  /** Removes every template of `model`, of every account, atomically; returns how many went. */
  removeModel(model: string): Promise<number>;
  /** Removes every template of the account, of every model, atomically; returns how many went. */
  removeForAccount(accountId: string): Promise<number>;
  /** Increases on every change to templates or accounts, so a gallery elsewhere knows to reload. */
  revision(): Promise<number>;
  /**
   * Calls `listener` after every committed change to templates or accounts, made through any store
   * open on the same backend (another instance too), and with `{ all: true }` whenever changes may
   * have been missed. Resolves once changes are being followed; the function it gives stops it.
   */
  follow(listener: (change: GalleryChange) => void): Promise<() => Promise<void>>;
}

/** Signing keys are private JWKs (RSA or EC); cookie keys are `oct` JWKs. */
export type KeyKind = 'signing' | 'cookie';

export interface StoredJwk {
  kty: string;
  kid: string;
  alg?: string;
  [parameter: string]: unknown;
}

export interface KeyRecord {
  kind: KeyKind;
  kid: string;
  jwk: StoredJwk;
  /** Epoch milliseconds. */
  createdAt: number;
}

export interface KeyStore {
  /** The keys of that kind, newest first (ties keep the order they were given in). */
  list(kind: KeyKind): Promise<KeyRecord[]>;
  /**
   * Stores `initial` only when no key of that kind exists yet, atomically, so instances starting
   * together agree on one set; returns the keys stored afterwards (the winner's).
   */
  ensure(kind: KeyKind, initial: KeyRecord[]): Promise<KeyRecord[]>;
  /** Adds keys next to the existing ones (rotation). */
  add(kind: KeyKind, records: KeyRecord[]): Promise<void>;
}

/** A one-time enrolment link: `facegate invite` makes it, the enrolment page spends it. */
export interface InvitationRecord {
  /** sha256 (hex) of the link's token: the token itself is never stored. */
  tokenHash: string;
  accountId: string;
  /** The profile to give the account when the enrolment completes (it may not exist yet). */
  profile: Omit<AccountInput, 'id'>;
  /** Whether the new templates replace the account's earlier ones. */
  replace: boolean;
  /** Epoch milliseconds. */
  createdAt: number;
  expiresAt: number;
}

export interface InvitationStore {
  create(invitation: InvitationRecord): Promise<void>;
  /** The invitation, unless unknown, expired or already spent. Does not spend it. */
  find(tokenHash: string): Promise<InvitationRecord | undefined>;
  /**
   * Spends it, atomically: of several concurrent calls one gets the record, the others (and every
   * later call) undefined; undefined too when unknown or expired.
   */
  consume(tokenHash: string): Promise<InvitationRecord | undefined>;
  /** Removes every unspent invitation of the account (its face was deleted); returns how many went. */
  removeForAccount(accountId: string): Promise<number>;
}

/** One line of the audit trail: every sign-in and enrolment attempt, never an image. */
export interface AuditEvent {
  /** Epoch milliseconds. */
  at: number;
  /** e.g. "signin", "enrollment". */
  type: string;
  /** e.g. "accepted", "not_recognised", "no_face". */
  result: string;
  accountId: string | null;
  clientId: string | null;
  ip: string | null;
  /** Measured values: distance, margin, threshold, mode, interaction uid... */
  detail: Record<string, string | number | boolean | null>;
  /** A folded event (AuditStore.fold) only: how many occurrences it stands for, `at` the first. */
  count?: number;
  /** A folded event only: epoch milliseconds of the last occurrence. */
  lastAt?: number;
}

/**
 * The trail keeps records (accepted sign-ins, enrolments, account changes) and refusals apart,
 * each under its own retention (audit-retention.ts): refusals never push records out.
 */
export interface AuditStore {
  append(event: AuditEvent): Promise<void>;
  /**
   * One event per `key` and window of `windowSeconds` (fixed windows, by `event.at`): the first
   * occurrence is appended with count 1, each later one in the same window adds one to its count
   * and sets its lastAt. For refusals that repeat without end (a client past its limit).
   */
  fold(key: string, windowSeconds: number, event: AuditEvent): Promise<void>;
  /** The newest events first (by `at`, then by order of appending), at most `limit`. */
  recent(limit: number): Promise<AuditEvent[]>;
  /** The account's events, newest first as `recent`, at most `limit`; `type` keeps only events of that type. */
  forAccount(accountId: string, limit: number, type?: string): Promise<AuditEvent[]>;
}

/**
 * What oidc-provider keeps for an account (sessions, grants, access and refresh tokens,
 * authorization codes...), found by the account instead of by grant: a person who deletes their
 * face ends every way in that was issued before.
 */
export interface AccountTokenStore {
  /** Removes every oidc-provider record whose payload names the account, of every model; returns how many went. */
  revokeAll(accountId: string): Promise<number>;
}

/** How a consent was given: ticked on the enrolment page, ticked again at a sign-in after the policy
 * version changed, or stated by the operator who enrolled the person from photos. */
export type ConsentMethod = 'enrolment_page' | 'sign_in_page' | 'operator';

/** A person's consent to keeping their face templates, as given: never changed, only followed by another. */
export interface ConsentRecord {
  accountId: string;
  /** The policy version consented to (`consent.version`). */
  version: string;
  /** Epoch milliseconds. */
  at: number;
  method: ConsentMethod;
  /** The invitation it was given through: its token's hash (the invitation store's key), never the token. */
  invitationHash?: string;
  /** The operator's statement of where and how consent was given (`facegate enroll --consent-recorded-by`). */
  recordedBy?: string;
}

/** The consents each account gave, kept until the account is removed. */
export interface ConsentStore {
  /** Adds one consent. Rejects with AccountNotFoundError for an unknown account. */
  record(consent: ConsentRecord): Promise<void>;
  /** The account's newest consent (by `at`; of equal times the last recorded), or undefined when none. */
  latest(accountId: string): Promise<ConsentRecord | undefined>;
  /** Every consent of the account, oldest first (by `at`, then by order of recording). */
  list(accountId: string): Promise<ConsentRecord[]>;
}

/** Sliding-window counters for attempt limits (per interaction, per account, per client IP). */
export interface AttemptStore {
  /**
   * Records one attempt under `key` at `now` (epoch ms) and returns how many attempts under that key
   * fall within the last `windowSeconds`, this one included. Attempts older than the window are
   * forgotten (no key grows without bound).
   */
  record(key: string, windowSeconds: number, now?: number): Promise<number>;
  /** How many attempts under `key` fall within the last `windowSeconds`, without recording one. */
  count(key: string, windowSeconds: number, now?: number): Promise<number>;
  /** Epoch ms at which the oldest attempt within the window leaves it, or undefined when none. */
  oldestExpiry(key: string, windowSeconds: number, now?: number): Promise<number | undefined>;
  /** Epoch ms of the newest attempt within the window, or undefined when none. */
  newest(key: string, windowSeconds: number, now?: number): Promise<number | undefined>;
  /** Forgets every attempt under `key` (a success wipes the failures before it). */
  clear(key: string): Promise<void>;
}

/**
 * A passkey (a WebAuthn credential) registered to an account. Only the public part: the private
 * key never leaves the person's authenticator.
 */
export interface PasskeyRecord {
  /** The credential id, base64url, as the authenticator made it; unique across accounts. */
  credentialId: string;
  accountId: string;
  /** The COSE public key the authenticator gave at registration. */
  publicKey: Uint8Array;
  /** The signature counter last seen; 0 for an authenticator that keeps none (most synced passkeys). */
  counter: number;
  /** How the browser may reach the authenticator ("internal", "usb", "hybrid"...), as it said. */
  transports: string[];
  /** Epoch milliseconds. */
  createdAt: number;
  /** Epoch milliseconds of the last sign-in with it, when there was one. */
  lastUsedAt?: number;
}

export interface PasskeyStore {
  /**
   * Stores a new passkey; false when a passkey of that credential id exists already (of any
   * account). Rejects with AccountNotFoundError for an unknown account.
   */
  add(passkey: PasskeyRecord): Promise<boolean>;
  get(credentialId: string): Promise<PasskeyRecord | undefined>;
  /** The account's passkeys, oldest first. */
  listForAccount(accountId: string): Promise<PasskeyRecord[]>;
  /** Removes one of the account's passkeys; false when the account has none of that id. */
  remove(accountId: string, credentialId: string): Promise<boolean>;
  /**
   * Records a sign-in with the passkey, atomically: its counter becomes `counter` and lastUsedAt
   * `at` only while the stored counter is below `counter`, or both are 0 (an authenticator that
   * keeps no counter). Otherwise nothing changes and it resolves false: the assertion was replayed,
   * or comes from a clone of the authenticator, or the passkey was removed meanwhile. Of concurrent
   * calls with one counter, one succeeds.
   */
  use(credentialId: string, counter: number, at: number): Promise<boolean>;
}

export interface Store {
  readonly backend: 'sqlite' | 'redis' | 'postgres';
  /** oidc-provider's adapter factory. */
  adapterFor(model: string): OidcAdapter;
  readonly accounts: AccountStore;
  readonly templates: TemplateStore;
  readonly keys: KeyStore;
  readonly invitations: InvitationStore;
  readonly audit: AuditStore;
  readonly attempts: AttemptStore;
  readonly accountTokens: AccountTokenStore;
  readonly consents: ConsentStore;
  /** Passkeys; removing an account removes its passkeys. */
  readonly passkeys: PasskeyStore;
  /** Resolves when the backend answers; rejects with StoreUnavailableError otherwise. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The caller's unit of work, offered a write's commit to wait for in the writer's stead: the HTTP
 * request that made the write, whose response then does not end before `commit` settles
 * (src/server/held-responses.ts). Returns false when there is none (a sweep, a command, a test
 * calling the store): the write is then awaited as any other. A backend whose writes are each
 * durable once they resolve (Redis, PostgreSQL) does not ask.
 */
export type HoldCommit = (commit: Promise<void>) => boolean;

/** What the server gives the store it opens. */
export interface StoreOptions {
  holdCommit?: HoldCommit;
}

export type StoreSpec =
  | { type: 'sqlite'; file: string }
  | { type: 'redis'; url: string; keyPrefix?: string }
  | { type: 'postgres'; url: string; schema?: string };
