/**
 * face-api's own pipeline, from JPEG bytes to its 128-D descriptor: decoded by sharp (as ours is)
 * into a tensor, then detector, 68 landmarks and recogniser through face-api's task chain.
 */
import sharp from 'sharp';
import type { FaceApi } from './load-face-api.js';

async function withImage<R>(
  api: FaceApi,
  jpeg: Uint8Array,
  use: (image: ReturnType<FaceApi['tf']['tensor3d']>) => Promise<R>,
): Promise<R> {
  const { data, info } = await sharp(jpeg).rotate().removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const image = api.tf.tensor3d(data, [info.height, info.width, 3], 'int32');
  try {
    return await use(image);
  } finally {
    image.dispose();
  }
}

/** The sign-in call a face-api user writes: the best-scoring face's descriptor, or null. */
export function describeSingleFace(api: FaceApi, jpeg: Uint8Array): Promise<Float32Array | null> {
  return withImage(api, jpeg, async (image) => {
    const face = await api
      .detectSingleFace(image, new api.SsdMobilenetv1Options())
      .withFaceLandmarks()
      .withFaceDescriptor();
    return face?.descriptor ?? null;
  });
}

/** For LFW: the face nearest the image centre, as our evaluation picks it (engine.embedCentral), or null. */
export function describeCentralFace(api: FaceApi, jpeg: Uint8Array): Promise<Float32Array | null> {
  return withImage(api, jpeg, async (image) => {
    const faces = await api
      .detectAllFaces(image, new api.SsdMobilenetv1Options())
      .withFaceLandmarks()
      .withFaceDescriptors();
    const [h, w] = image.shape;
    const offCentre = (box: { x: number; y: number; width: number; height: number }) =>
      Math.hypot(box.x + box.width / 2 - w / 2, box.y + box.height / 2 - h / 2);
    const [central] = faces.sort((p, q) => offCentre(p.detection.box) - offCentre(q.detection.box));
    return central?.descriptor ?? null;
  });
}
