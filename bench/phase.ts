/**
 * A bench runs in phases, each with its own progress line (drawn by the caller's progress bar,
 * on a terminal only) that is closed however the phase ends.
 */
export type ProgressFactory = (label: string) => { update(done: number, total: number): void; finish(): void };

export type Phase = <R>(
  label: string,
  work: (update: (done: number, total: number) => void) => Promise<R>,
) => Promise<R>;

export function phaseRunner(progress: ProgressFactory): Phase {
  return async (label, work) => {
    const bar = progress(label);
    try {
      return await work((done, total) => bar.update(done, total));
    } finally {
      bar.finish();
    }
  };
}
