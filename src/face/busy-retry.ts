/**
 * How long a client refused as busy should wait: 1 to 3 seconds, picked at random per answer.
 * The same delay for everyone brings a crowd refused together back together, into the same full
 * queue (bench:load's back-pressure phase: 28 of 30 refused took 14 rounds of retries with a
 * fixed 2 s); a spread lets the queue take them a few at a time.
 */
export function busyRetryAfterSeconds(random: () => number = Math.random): number {
  return 1 + Math.floor(random() * 3);
}
