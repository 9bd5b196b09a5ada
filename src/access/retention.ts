/**
 * Retention (face.retention.inactiveDays): the face templates of an account that has not signed in
 * for that many days are deleted, with one audit event per account. An account enrolled but never
 * signed in counts from its newest template (its last enrolment): a fresh enrolment is activity
 * too. The account, its profile and its consents stay: it can be enrolled again through a new
 * invitation. Time is given (`now`), so tests move the clock instead of waiting.
 */
import type { Store } from '../../adapters/contract.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** How often the server looks (and once at start). */
export const RETENTION_EVERY_MS = 60 * 60 * 1000;

export interface RetentionRemoval {
  accountId: string;
  templates: number;
  /** Epoch ms of the last sign-in, or of the newest enrolment when it never signed in. */
  lastActiveAt: number;
}

/** Deletes the templates of every account inactive for `inactiveDays` at `now`; returns what went. */
export async function deleteInactiveTemplates(
  store: Pick<Store, 'accounts' | 'templates' | 'audit'>,
  inactiveDays: number,
  now: number,
): Promise<RetentionRemoval[]> {
  const cutoff = now - inactiveDays * DAY_MS;
  const newestTemplate = new Map<string, number>();
  for (const { accountId, newest } of await store.templates.usage()) {
    newestTemplate.set(accountId, Math.max(newestTemplate.get(accountId) ?? 0, newest));
  }
  const removed: RetentionRemoval[] = [];
  for (const account of await store.accounts.list()) {
    const enrolledAt = newestTemplate.get(account.id);
    if (enrolledAt === undefined) continue;
    const lastActiveAt = Math.max(account.lastSignInAt ?? 0, enrolledAt);
    if (lastActiveAt > cutoff) continue;
    // An account that signed in after the list was read keeps its templates.
    const fresh = await store.accounts.get(account.id);
    if (fresh?.lastSignInAt !== undefined && fresh.lastSignInAt > cutoff) continue;
    const templates = await store.templates.removeForAccount(account.id);
    if (templates === 0) continue;
    await store.audit.append({
      at: now,
      type: 'retention',
      result: 'templates_removed',
      accountId: account.id,
      clientId: null,
      ip: null,
      detail: { inactiveDays, lastActiveAt, templates },
    });
    removed.push({ accountId: account.id, templates, lastActiveAt });
  }
  return removed;
}

/**
 * Runs deleteInactiveTemplates now and every `everyMs`; a failure (the store down) is reported and
 * tried again at the next tick. The function it gives stops it.
 */
export function keepRetention(
  store: Pick<Store, 'accounts' | 'templates' | 'audit'>,
  inactiveDays: number,
  report: { removed(removals: RetentionRemoval[]): void; failed(error: unknown): void },
  { everyMs = RETENTION_EVERY_MS, now = Date.now }: { everyMs?: number; now?: () => number } = {},
): () => void {
  const run = () =>
    deleteInactiveTemplates(store, inactiveDays, now()).then(
      (removals) => removals.length > 0 && report.removed(removals),
      (error: unknown) => report.failed(error),
    );
  void run();
  const timer = setInterval(run, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
