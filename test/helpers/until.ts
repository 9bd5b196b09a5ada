import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Polls `probe` until it gives something other than undefined or false, and returns that. A probe
 * that throws has not succeeded yet (a server still starting); after `timeoutMs` the wait fails,
 * naming `what` and the probe's last error.
 */
export async function until<T>(
  what: string,
  probe: () => T | undefined | false | Promise<T | undefined | false>,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    const value = await Promise.resolve()
      .then(probe)
      .catch((error: unknown) => {
        lastError = error;
        return undefined;
      });
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline)
      throw new Error(`${what}: not within ${timeoutMs} ms${lastError ? ` (last error: ${String(lastError)})` : ''}`);
    await sleep(25);
  }
}
