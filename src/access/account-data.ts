/**
 * What facegate keeps about one person, for their /account page, without HTTP: the overview
 * (profile, faces and how each was enrolled, recent sign-ins), the download, the deletion of the
 * face, and a fresh enrolment. The account is always the one signed in to the page: nothing here
 * takes an account id from a request.
 */
import type {
  AccountRecord,
  AuditEvent,
  ConsentRecord,
  FaceTemplateRecord,
  PasskeyRecord,
  Store,
} from '../../adapters/contract.js';
import { FacegateError } from '../errors.js';
import { say } from '../sentences.js';
import { createInvitation } from './invitations.js';

/** Sign-ins the page lists. */
export const RECENT_SIGN_INS = 20;
/** Audit events the download holds at most (the account's newest), whatever the retention keeps. */
export const AUDIT_EXPORT_LIMIT = 10_000;
/** How long the link of a fresh enrolment made from the page works. */
export const FRESH_ENROLMENT_SECONDS = 600;
/** Enrolment events looked at to tell how each face was enrolled. */
const ENROLMENT_EVENTS = 200;
/** An enrolment's audit event is written just after its templates: at most this long after. */
const ENROLMENT_EVENT_WITHIN_MS = 60_000;

/** How a face came to be enrolled, from the audit trail. */
export type EnrolledThrough =
  | { kind: 'invitation'; invitation: string }
  | { kind: 'command' }
  | { kind: 'carried_over'; from: string }
  | { kind: 'unknown' };

/** The templates one enrolment made: of one model, at one moment. */
export interface EnrolledFace {
  model: string;
  templates: number;
  /** Epoch milliseconds. */
  enrolledAt: number;
  through: EnrolledThrough;
}

export interface AccountOverview {
  account: AccountRecord;
  faces: EnrolledFace[];
  /** The newest consent given, undefined when none is on record (enrolled before consent was asked). */
  consent: ConsentRecord | undefined;
  signIns: AuditEvent[];
  /** The account's passkeys: they stay when the face is deleted, and are removed one by one. */
  passkeys: PasskeyRecord[];
}

export interface FaceDeleted {
  templates: number;
  invitations: number;
  /** oidc-provider records revoked: sessions, grants, access and refresh tokens, codes. */
  revoked: number;
}

/** The account signed in to the page is gone (removed by the operator meanwhile). */
function accountGone(): FacegateError {
  return new FacegateError('account_gone', say('account.gone'), { status: 404 });
}

export class AccountData {
  constructor(
    private readonly store: Store,
    private readonly issuer: string,
  ) {}

  async overview(accountId: string): Promise<AccountOverview> {
    const account = await this.account(accountId);
    const [templates, enrolments, consent, signIns, passkeys] = await Promise.all([
      this.store.templates.listForAccount(accountId),
      this.enrolmentEvents(accountId),
      this.store.consents.latest(accountId),
      this.store.audit.forAccount(accountId, RECENT_SIGN_INS, 'signin'),
      this.store.passkeys.listForAccount(accountId),
    ]);
    return { account, faces: facesOf(templates, enrolments), consent, signIns, passkeys };
  }

  /** Everything kept about the account, as one JSON document; the embeddings only when asked for. */
  async download(accountId: string, { embeddings }: { embeddings: boolean }): Promise<Record<string, unknown>> {
    const account = await this.account(accountId);
    const [templates, consents, audit, passkeys] = await Promise.all([
      this.store.templates.listForAccount(accountId),
      this.store.consents.list(accountId),
      this.store.audit.forAccount(accountId, AUDIT_EXPORT_LIMIT),
      this.store.passkeys.listForAccount(accountId),
    ]);
    const enrolments = audit.filter(isEnrolment);
    return {
      issuer: this.issuer,
      exportedAt: new Date().toISOString(),
      account: {
        ...account,
        createdAt: iso(account.createdAt),
        ...(account.lastSignInAt === undefined ? {} : { lastSignInAt: iso(account.lastSignInAt) }),
      },
      consents: consents.map((consent) => ({ ...consent, at: iso(consent.at) })),
      faces: facesOf(templates, enrolments).map((face) => ({
        ...face,
        enrolledAt: iso(face.enrolledAt),
      })),
      templates: templates.map((template) => ({
        id: template.id,
        model: template.model,
        createdAt: iso(template.createdAt),
        dimensions: template.embedding.length,
        ...(embeddings ? { embedding: Array.from(template.embedding) } : {}),
      })),
      // The public part only: the private key never left the person's authenticator.
      passkeys: passkeys.map((passkey) => ({
        credentialId: passkey.credentialId,
        publicKey: Buffer.from(passkey.publicKey).toString('base64url'),
        counter: passkey.counter,
        transports: passkey.transports,
        createdAt: iso(passkey.createdAt),
        lastUsedAt: passkey.lastUsedAt === undefined ? null : iso(passkey.lastUsedAt),
      })),
      audit: audit.map((event) => ({ ...event, at: iso(event.at) })),
    };
  }

  /** Removes one of the account's passkeys (none of another account's), audited; false when it has none of that id. */
  async removePasskey(accountId: string, credentialId: string, ip: string): Promise<boolean> {
    const removed = await this.store.passkeys.remove(accountId, credentialId);
    if (removed) {
      await this.store.audit.append({
        at: Date.now(),
        type: 'passkey',
        result: 'removed',
        accountId,
        clientId: null,
        ip,
        detail: { source: 'account_page', credential: credentialId.slice(0, 16) },
      });
    }
    return removed;
  }

  /**
   * Deletes the account's face: its unspent enrolment links first (none may enrol a face onto an
   * account without one, unchecked), then every template, then every session, grant and token
   * (the next sign-in anywhere starts from nothing), then the audit record. The profile stays:
   * the operator removes accounts (`facegate accounts remove`).
   */
  async deleteFace(accountId: string, ip: string): Promise<FaceDeleted> {
    const invitations = await this.store.invitations.removeForAccount(accountId);
    const templates = await this.store.templates.removeForAccount(accountId);
    const revoked = await this.store.accountTokens.revokeAll(accountId);
    await this.store.audit.append({
      at: Date.now(),
      type: 'account',
      result: 'face_deleted',
      accountId,
      clientId: null,
      ip,
      detail: { source: 'account_page', templates, invitations, revoked },
    });
    return { templates, invitations, revoked };
  }

  /**
   * A one-time enrolment link that adds to the account's face: the enrolment page, its liveness
   * check and its 1:1 match against the account's templates are the invitation's. Refused for an
   * account without a face (deleted): a link that adds to no face would enrol anyone; a new face
   * comes only through the operator's invitation.
   */
  async freshEnrolment(accountId: string): Promise<string> {
    const { id: _id, createdAt: _createdAt, ...profile } = await this.account(accountId);
    if ((await this.store.templates.listForAccount(accountId)).length === 0) {
      throw new FacegateError('no_face_enrolled', say('account.no_face'), { status: 409 });
    }
    const { link } = await createInvitation(this.store.invitations, this.issuer, {
      accountId,
      profile,
      replace: false,
      ttlSeconds: FRESH_ENROLMENT_SECONDS,
    });
    return link;
  }

  private async account(accountId: string): Promise<AccountRecord> {
    const account = await this.store.accounts.get(accountId);
    if (!account) throw accountGone();
    return account;
  }

  private async enrolmentEvents(accountId: string): Promise<AuditEvent[]> {
    return (await this.store.audit.forAccount(accountId, ENROLMENT_EVENTS)).filter(isEnrolment);
  }
}

const iso = (at: number) => new Date(at).toISOString();

/** An event that put templates on the account: the enrolment page, the command line, a carry-over. */
function isEnrolment(event: AuditEvent): boolean {
  if (event.type === 'enrollment') return event.result === 'enrolled' || event.result === 'carried_over';
  return event.type === 'account' && (event.result === 'templates_added' || event.result === 'templates_replaced');
}

function throughOf(event: AuditEvent | undefined): EnrolledThrough {
  if (!event) return { kind: 'unknown' };
  const { invitation, from } = event.detail;
  if (event.result === 'carried_over') return { kind: 'carried_over', from: String(from) };
  if (typeof invitation === 'string') return { kind: 'invitation', invitation };
  if (event.type === 'account') return { kind: 'command' };
  return { kind: 'unknown' };
}

/**
 * The account's templates as enrolments (one model, one moment: templates.add stamps a batch with
 * one time), newest first, each with the enrolment event written just after it.
 */
function facesOf(templates: readonly FaceTemplateRecord[], enrolments: readonly AuditEvent[]): EnrolledFace[] {
  const batches = new Map<string, EnrolledFace>();
  for (const template of templates) {
    const key = `${template.model}@${template.createdAt}`;
    const batch = batches.get(key);
    if (batch) batch.templates += 1;
    else
      batches.set(key, {
        model: template.model,
        templates: 1,
        enrolledAt: template.createdAt,
        through: { kind: 'unknown' },
      });
  }
  return [...batches.values()]
    .map((face) => {
      const after = enrolments
        .filter((event) => event.at >= face.enrolledAt && event.at - face.enrolledAt <= ENROLMENT_EVENT_WITHIN_MS)
        .sort((a, b) => a.at - b.at);
      return { ...face, through: throughOf(after[0]) };
    })
    .sort((a, b) => b.enrolledAt - a.enrolledAt);
}
