import type { HoldCommit } from '../contract.js';

/** A row of oidc-provider's table, as a read needs it. */
export interface OidcRow {
  /** The payload as stored: JSON. */
  payload: string;
  /** Epoch seconds; null while unspent. */
  consumedAt: number | null;
  grantId: string | null;
  uid: string | null;
  userCode: string | null;
  /** Epoch milliseconds; null for a row that does not expire. */
  expiresAt: number | null;
}

type Change = { model: string; commit: Promise<void> } & (
  | { kind: 'upsert'; id: string; row: OidcRow }
  | { kind: 'destroy'; id: string }
  | { kind: 'revoke'; grantId: string }
);

/**
 * oidc-provider's writes given back before their commit (GroupCommit.writeAhead), until the batch
 * that holds them is done: oidc-provider may read in one request what it wrote earlier in it, and
 * a read on this connection must then find what it was told is written. Each read that a change
 * ahead decides holds that change's commit for the reader's own response too, so nothing read
 * from a write that is then rolled back leaves the process. Other connections (another process on
 * the file) see a write once it is committed, as any other.
 */
export class WrittenAhead {
  private changes: Change[] = [];

  constructor(private readonly holdCommit: HoldCommit | undefined) {}

  add(change: Change): void {
    this.changes.push(change);
  }

  /** The batch that held the changes is done: the file now has them, or will never have them. */
  forget(): void {
    if (this.changes.length > 0) this.changes = [];
  }

  /** The row of `model` and `id`, `stored` being what the file has (an unexpired row, or none). */
  rowOf(model: string, id: string, stored: OidcRow | undefined, now: number): OidcRow | undefined {
    let row = stored;
    for (const change of this.changes) {
      if (change.model !== model) continue;
      const applies = change.kind === 'revoke' ? row !== undefined && row.grantId === change.grantId : change.id === id;
      if (!applies) continue;
      row = change.kind === 'upsert' ? change.row : undefined;
      this.holdCommit?.(change.commit);
    }
    return row && (row.expiresAt === null || row.expiresAt > now) ? row : undefined;
  }

  /** Ids of the rows of `model` written ahead with this uid or user code, the latest first. */
  idsWith(model: string, key: 'uid' | 'userCode', value: string): string[] {
    const ids: string[] = [];
    for (let i = this.changes.length - 1; i >= 0; i--) {
      const change = this.changes[i]!;
      if (change.model === model && change.kind === 'upsert' && change.row[key] === value) ids.push(change.id);
    }
    return ids;
  }

  get empty(): boolean {
    return this.changes.length === 0;
  }
}
