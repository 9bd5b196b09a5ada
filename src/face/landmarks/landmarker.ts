import type { RgbImage } from '../image.js';
import type { Detection } from '../detect/detection.js';
import type { Point } from '../geometry/similarity.js';

/** Finds the 68 iBUG landmarks of a detected face, in image pixels. */
export interface Landmarker {
  locate(image: RgbImage, face: Detection): Promise<Point[]>;
}
