/**
 * Changes made to accounts and their faces from the command line, as audit records (type
 * `account`): who got a face, and when, is on the trail whoever made the change. The page's
 * enrolments are audited by EnrollmentAttempts, with their invitation's id.
 */
import type { AuditEvent, AuditStore } from '../../adapters/contract.js';

export type AccountChange = 'created' | 'updated' | 'removed' | 'templates_added' | 'templates_replaced';

export async function recordAccountChange(
  audit: AuditStore,
  change: AccountChange,
  accountId: string,
  detail: AuditEvent['detail'] = {},
): Promise<void> {
  await audit.append({
    at: Date.now(),
    type: 'account',
    result: change,
    accountId,
    clientId: null,
    ip: null,
    detail: { source: 'cli', ...detail },
  });
}
