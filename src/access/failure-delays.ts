/**
 * How long a client network waits before its next 1:1 try on an account, after `failures` failed
 * ones: nothing for the first `freeFailures` (a person in bad light, a typo in the account name),
 * then `firstDelaySeconds`, doubling with each further failure up to `maxDelaySeconds`. With the
 * defaults (3, 2 s, 15 min): failures 1 to 3 cost nothing, the 4th 2 s, the 5th 4 s, ... the 12th
 * 512 s, the 13th and later 900 s.
 */
export interface FailureDelays {
  freeFailures: number;
  firstDelaySeconds: number;
  maxDelaySeconds: number;
}

export function failureDelaySeconds(
  failures: number,
  { freeFailures, firstDelaySeconds, maxDelaySeconds }: FailureDelays,
): number {
  if (failures <= freeFailures) return 0;
  // Past about 60 doublings the number leaves what a double holds exactly; the cap is long reached.
  return Math.min(maxDelaySeconds, firstDelaySeconds * 2 ** Math.min(60, failures - freeFailures - 1));
}
