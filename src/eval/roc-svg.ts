/**
 * The ROC curve as a small standalone SVG: TAR against FAR on a log axis, for the listed pairs
 * and for all cross-identity pairs.
 */
import { tarAtFar } from './verification-metrics.js';

interface Curve {
  label: string;
  colour: string;
  genuine: Float64Array;
  impostor: Float64Array;
}

const W = 640,
  H = 420,
  LEFT = 60,
  RIGHT = 20,
  TOP = 30,
  BOTTOM = 50;

export function rocSvg(title: string, curves: readonly Curve[]): string {
  const minExp = -6;
  const x = (far: number) => LEFT + ((Math.log10(far) - minExp) / -minExp) * (W - LEFT - RIGHT);
  // TAR from 0.5 (bottom) to 1 (top): below 0.5 a face system is of no use anyway.
  const y = (tar: number) => TOP + ((1 - Math.max(0.5, tar)) / 0.5) * (H - TOP - BOTTOM);
  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" font-family="sans-serif" font-size="12">`,
  );
  parts.push(`<rect width="${W}" height="${H}" fill="white"/>`);
  parts.push(`<text x="${W / 2}" y="18" text-anchor="middle" font-size="14">${escapeXml(title)}</text>`);
  for (let e = minExp; e <= 0; e++) {
    parts.push(`<line x1="${x(10 ** e)}" y1="${TOP}" x2="${x(10 ** e)}" y2="${H - BOTTOM}" stroke="#ddd"/>`);
    parts.push(`<text x="${x(10 ** e)}" y="${H - BOTTOM + 16}" text-anchor="middle">1e${e}</text>`);
  }
  for (let t = 0.5; t <= 1.0001; t += 0.1) {
    const ty = y(t);
    parts.push(`<line x1="${LEFT}" y1="${ty}" x2="${W - RIGHT}" y2="${ty}" stroke="#ddd"/>`);
    parts.push(`<text x="${LEFT - 6}" y="${ty + 4}" text-anchor="end">${t.toFixed(1)}</text>`);
  }
  parts.push(`<text x="${W / 2}" y="${H - 12}" text-anchor="middle">false accept rate (log)</text>`);
  parts.push(
    `<text x="16" y="${H / 2}" text-anchor="middle" transform="rotate(-90 16 ${H / 2})">true accept rate</text>`,
  );
  curves.forEach((curve, i) => {
    const points: string[] = [];
    for (let e = minExp; e <= 0.0001; e += 0.05) {
      const point = tarAtFar(curve.genuine, curve.impostor, 10 ** e);
      if (point) points.push(`${x(10 ** e).toFixed(1)},${y(point.tar).toFixed(1)}`);
    }
    parts.push(`<polyline fill="none" stroke="${curve.colour}" stroke-width="2" points="${points.join(' ')}"/>`);
    parts.push(
      `<text x="${W - RIGHT - 10}" y="${H - BOTTOM - 14 - 16 * i}" text-anchor="end" fill="${curve.colour}">${escapeXml(curve.label)}</text>`,
    );
  });
  parts.push('</svg>');
  return parts.join('\n');
}

function escapeXml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}
