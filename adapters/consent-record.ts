import type { ConsentRecord } from './contract.js';

/** A consent from its stored columns, without the optional fields that were not given (every backend). */
export function consentFromColumns(
  accountId: string,
  version: string,
  at: number,
  method: ConsentRecord['method'],
  invitationHash: string | null | undefined,
  recordedBy: string | null | undefined,
): ConsentRecord {
  const consent: ConsentRecord = { accountId, version, at, method };
  if (invitationHash != null) consent.invitationHash = invitationHash;
  if (recordedBy != null) consent.recordedBy = recordedBy;
  return consent;
}
