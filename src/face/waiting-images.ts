/**
 * The images waiting for a face worker, and which of them goes next.
 *
 * The request with the fewest images still waiting goes first; among equals, the one that came
 * first. A person's single snapshot then waits for the image in hand, not for the liveness bursts
 * queued before it (ten or twelve images each): that order gives the least mean wait. For requests
 * of one size it is the order of arrival, so a burst still runs whole before the next one starts,
 * and is never interleaved with it (which would make every burst finish as late as the last).
 *
 * So that a burst is not passed for ever while snapshots keep coming, the request at the head is
 * passed by at most `passLimit` images (the pool gives its queue length: what a full queue would
 * have made it wait anyway); then it goes first.
 */

interface Request {
  /** Its images still waiting. */
  waiting: number;
  /** Images of later requests taken before its own. */
  passedBy: number;
}

interface Waiting<T> {
  item: T;
  request: Request;
}

export class WaitingImages<T> {
  private readonly entries: Waiting<T>[] = [];

  constructor(private readonly passLimit: number) {}

  get length(): number {
    return this.entries.length;
  }

  /** One request's images, in their order (the part of it no worker took at once). */
  add(items: readonly T[]): void {
    if (items.length === 0) return;
    const request: Request = { waiting: items.length, passedBy: 0 };
    for (const item of items) this.entries.push({ item, request });
  }

  /** The image to run next, taken out of the queue. */
  take(): T | undefined {
    const head = this.entries[0];
    if (!head) return undefined;
    let next = 0;
    if (head.request.passedBy < this.passLimit) {
      for (let i = 1; i < this.entries.length; i++) {
        if (this.entries[i]!.request.waiting < this.entries[next]!.request.waiting) next = i;
      }
    }
    const [taken] = this.entries.splice(next, 1);
    taken!.request.waiting--;
    const passed = new Set<Request>();
    for (let i = 0; i < next; i++) passed.add(this.entries[i]!.request);
    for (const request of passed) request.passedBy++;
    return taken!.item;
  }

  /** Every waiting image, taken out (the pool is closing or has no worker left). */
  drain(): T[] {
    return this.entries.splice(0).map((entry) => entry.item);
  }
}
