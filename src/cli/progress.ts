/**
 * A one-line progress bar on stderr, drawn only when stderr is a terminal (a pipe or a CI log
 * gets nothing, so machine-read output stays clean).
 */
export interface Progress {
  update(done: number, total: number): void;
  finish(): void;
}

export function progressBar(label: string, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY) return { update() {}, finish() {} };
  const started = Date.now();
  let lastDraw = 0;
  let lastLine = '';
  return {
    update(done, total) {
      const now = Date.now();
      if (done < total && now - lastDraw < 100) return;
      lastDraw = now;
      const width = 30;
      const filled = Math.round((done / total) * width);
      const rate = done / Math.max(0.001, (now - started) / 1000);
      const eta = rate > 0 ? Math.round((total - done) / rate) : 0;
      lastLine = `${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}  ${rate.toFixed(0)}/s  eta ${eta}s`;
      stream.write(`\r${lastLine}`);
    },
    finish() {
      if (lastLine) stream.write('\n');
    },
  };
}
