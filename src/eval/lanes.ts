/**
 * Work through a list with a fixed number of requests in flight ("lanes"): how a caller keeps
 * every worker of a pool busy without queueing the whole list at once.
 */
export async function mapInLanes<T, R>(
  items: readonly T[],
  lanes: number,
  task: (item: T) => Promise<R>,
  onProgress: (done: number, total: number) => void = () => {},
): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  let done = 0;
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await task(items[i]);
      onProgress(++done, items.length);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, lanes) }, lane));
  return out;
}
