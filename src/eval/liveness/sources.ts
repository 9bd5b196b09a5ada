/**
 * Where eval-liveness finds its people: a folder of one folder per person (../shared/faces, or
 * LFW's images), keeping those with at least two photos (one animated, the others enrolled).
 */
import { identityPhotos } from '../shared-data.js';

export function peopleIn(folder: string, maxPeople: number): { name: string; files: string[] }[] {
  return identityPhotos(folder)
    .filter((p) => p.files.length >= 2)
    .slice(0, maxPeople)
    .map((p) => ({ name: p.identity, files: p.files }));
}
