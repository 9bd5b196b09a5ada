/** `x` rounded to `digits` decimals: figures in reports, logs and audit details, not in decisions. */
export function round(x: number, digits: number): number {
  const k = 10 ** digits;
  return Math.round(x * k) / k;
}
