/** Reading Prometheus text format: one series' value, or every series of a metric by one label. */

/** The value of `series` exactly as written (`name` or `name{label="value"}`); 0 when absent. */
export function sample(text: string, series: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

/** `name{label="x"} 3` lines as { x: 3 }, for a metric with one label. */
export function byLabel(text: string, name: string): Record<string, number> {
  const found: Record<string, number> = {};
  const pattern = new RegExp(`^${name}\\{\\w+="([^"]*)"\\} (\\S+)$`);
  for (const line of text.split('\n')) {
    const match = pattern.exec(line);
    if (match) found[match[1]] = Number(match[2]);
  }
  return found;
}
