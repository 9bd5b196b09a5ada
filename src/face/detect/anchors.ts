/**
 * BlazeFace anchors, generated the way MediaPipe's SsdAnchorsCalculator does for the face models:
 * fixed anchor size 1, offsets 0.5, a 16x16 grid with 2 anchors per cell then an 8x8 grid with 6
 * (the 4 stride layers of the short-range model collapse into these two grids). The same
 * normalised anchors serve the 128x128 front model and the 256x256 back model.
 */
export interface AnchorLayer {
  /** Cells per row (and per column). */
  grid: number;
  /** Anchors stacked on each cell. */
  perCell: number;
}

export const BLAZEFACE_LAYERS: readonly AnchorLayer[] = [
  { grid: 16, perCell: 2 },
  { grid: 8, perCell: 6 },
];

/** Anchor centres of one layer as [x0, y0, x1, y1, ...] in [0, 1], in the model's output order. */
export function anchorCentres(layer: AnchorLayer): Float32Array {
  const centres = new Float32Array(layer.grid * layer.grid * layer.perCell * 2);
  let i = 0;
  for (let y = 0; y < layer.grid; y++) {
    for (let x = 0; x < layer.grid; x++) {
      for (let a = 0; a < layer.perCell; a++) {
        centres[i++] = (x + 0.5) / layer.grid;
        centres[i++] = (y + 0.5) / layer.grid;
      }
    }
  }
  return centres;
}
