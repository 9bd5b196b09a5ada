import { readFile } from 'node:fs/promises';
import { FaceError } from '../../face/errors.js';
import type { FaceSummary } from '../../face/engine.js';
import { startCliEngine } from '../face-engine.js';
import { parse, UsageError } from '../parse.js';
import { round } from '../../face/round.js';

const usage = 'facegate embed IMAGE [--json] [--config PATH]';

/**
 * Every face in an image: box, detector score, landmarks and embedding. With --json, one object
 * `{ faces: [...] }`, or `{ error: { code, message } }` and exit code 1.
 */
export async function embed(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, { json: { type: 'boolean' } }, usage);
  if (positionals.length !== 1) throw new UsageError(`give one image\nusage: ${usage}`);
  const [file] = positionals;
  const { engine } = await startCliEngine(values.config, { workers: 0 });
  try {
    const faces = (await engine.analyzeAll(await readFile(file))).map(describe);
    if (values.json) console.log(JSON.stringify({ faces }));
    else printFaces(file, faces);
    return 0;
  } catch (error) {
    const e = asFaceError(error);
    if (values.json) console.log(JSON.stringify({ error: e.toJSON() }));
    else console.error(`facegate embed: ${file}: ${e.message} (${e.code})`);
    return 1;
  } finally {
    await engine.close();
  }
}

function describe(face: FaceSummary) {
  return {
    box: [round(face.box.x, 2), round(face.box.y, 2), round(face.box.width, 2), round(face.box.height, 2)],
    score: round(face.score, 4),
    /** BlazeFace's six: right eye, left eye, nose tip, mouth, right ear, left ear (the subject's sides). */
    landmarks: face.keypoints.map(([x, y]) => [round(x, 2), round(y, 2)]),
    landmarks68: face.landmarks68?.map(([x, y]) => [round(x, 2), round(y, 2)]),
    embedding: Array.from(face.embedding, (v) => round(v, 6)),
  };
}

function printFaces(file: string, faces: ReturnType<typeof describe>[]): void {
  console.log(`${file}: ${faces.length} face${faces.length === 1 ? '' : 's'}`);
  faces.forEach((f, i) => {
    const [x, y, w, h] = f.box;
    console.log(
      `  #${i + 1} box ${x},${y} ${w}x${h}  score ${f.score}  embedding [${f.embedding.slice(0, 4).join(', ')}, ...] (${f.embedding.length} dims)`,
    );
  });
}

function asFaceError(error: unknown): FaceError {
  if (error instanceof FaceError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'EISDIR' || code === 'EACCES') {
    return new FaceError('not_an_image', { reason: code }, `cannot read the file (${code})`);
  }
  throw error;
}
