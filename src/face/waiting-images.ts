/**
 * The images waiting for a face worker, and which of them goes next.
 *
 * They run in the order their requests came, except that a request with at most half as many images
 * waiting as the one ahead goes before it. A person's single snapshot then waits for the images in
 * hand, not for the liveness bursts queued before it (ten to twelve images each), which cuts the mean
 * wait. Bursts, of nearly one size, still run whole, one after another, in the order they came: ranked
 * by their exact sizes, each burst of 12 would wait for every burst of 10 (under bench:load's liveness
 * phase that doubled the median wait, for no gain in the mean), and interleaved, each would finish as
 * late as the last.
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
        if (this.entries[i]!.request.waiting * 2 <= this.entries[next]!.request.waiting) next = i;
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
