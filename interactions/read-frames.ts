/**
 * Reads the camera frames of a request: one image as the whole body (image/jpeg, image/png,
 * image/webp), or several as multipart/form-data parts named `frame` (plus small text fields).
 * Sizes are checked while the body streams in, so a 50 MB upload is cut off at the limit, not
 * buffered; the frames stay in memory only and are never written anywhere.
 */
import type { Context } from 'koa';
import { FacegateError } from '../src/errors.js';
import { say, type Sentence } from '../src/sentences.js';
import { boundaryOf, MultipartWatch } from './multipart-watch.js';

export interface FrameLimits {
  /** Largest frame, in bytes. */
  maxFrameBytes: number;
  /** Most frames in one request. */
  maxFrames: number;
}

export interface ReadFrames {
  frames: Uint8Array[];
  /** Text fields of a multipart body. */
  fields: Record<string, string>;
}

/** A request whose frames cannot be read: nothing was looked at, and the message says what to send instead. */
export class FrameRequestError extends FacegateError {
  constructor(status: 400 | 413 | 415, code: string, sentence: Sentence) {
    super(code, sentence, { status });
  }
}

const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp'];
/** Multipart framing and text fields on top of the frames themselves. */
const MULTIPART_OVERHEAD = 64 * 1024;
/** Text fields a multipart body may have beside its frames (challenge, account, name). */
const MAX_FIELDS = 8;

export async function readFrames(ctx: Context, limits: FrameLimits): Promise<ReadFrames> {
  const type = ctx.request.type;
  if (IMAGE_TYPES.includes(type)) {
    const body = await readBody(ctx, limits.maxFrameBytes);
    if (body.length === 0) throw new FrameRequestError(400, 'empty_body', say('frames.empty_body'));
    return { frames: [body], fields: {} };
  }
  if (type === 'multipart/form-data') return readMultipart(ctx, limits);
  throw new FrameRequestError(
    415,
    'unsupported_media_type',
    type ? say('frames.unsupported_media_type', { type }) : say('frames.untyped_body'),
  );
}

async function readMultipart(ctx: Context, limits: FrameLimits): Promise<ReadFrames> {
  const boundary = boundaryOf(ctx.get('content-type'));
  if (!boundary) throw new FrameRequestError(400, 'bad_multipart', say('frames.no_boundary'));
  const watch = new MultipartWatch(boundary, limits.maxFrames + MAX_FIELDS, limits.maxFrameBytes);
  const body = await readBody(ctx, limits.maxFrames * limits.maxFrameBytes + MULTIPART_OVERHEAD, (chunk) => {
    const problem = watch.push(chunk);
    if (problem === 'too_many_parts') throw tooManyParts(limits);
    if (problem === 'part_too_large') throw frameTooLarge(limits);
  });
  let form: FormData;
  try {
    // Node's fetch implementation parses multipart bodies; no parser of our own, no temp files.
    form = await new Response(body, { headers: { 'content-type': ctx.get('content-type') } }).formData();
  } catch {
    throw new FrameRequestError(400, 'bad_multipart', say('frames.bad_multipart'));
  }
  const frames: Uint8Array[] = [];
  const fields: Record<string, string> = {};
  // The part count was checked as the body streamed in (MultipartWatch): the parser cannot find more.
  for (const [name, value] of form.entries()) {
    if (typeof value === 'string') {
      if (value.length > 256)
        throw new FrameRequestError(400, 'field_too_long', say('frames.field_too_long', { name: name.slice(0, 40) }));
      fields[name] = value;
    } else if (name === 'frame') {
      if (value.size > limits.maxFrameBytes) throw frameTooLarge(limits);
      frames.push(new Uint8Array(await value.arrayBuffer()));
    }
  }
  if (frames.length === 0) throw new FrameRequestError(400, 'no_frames', say('frames.no_frames'));
  if (frames.length > limits.maxFrames)
    throw new FrameRequestError(413, 'too_many_frames', say('frames.too_many_frames', { max: limits.maxFrames }));
  return { frames, fields };
}

/**
 * The body, up to `limit` bytes, each chunk shown to `inspect` as it comes (which may throw a
 * FrameRequestError to stop). Past the limit or a refusal, reading stops (the request is paused,
 * not destroyed, so the client still gets our answer) and the connection closes after the answer.
 */
function readBody(ctx: Context, limit: number, inspect: (chunk: Buffer) => void = () => {}): Promise<Uint8Array> {
  const declared = Number(ctx.get('content-length') || 0);
  if (declared > limit) {
    ctx.set('Connection', 'close');
    return Promise.reject(tooLarge(limit));
  }
  const req = ctx.req;
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    const cleanup = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
    };
    const stop = (error: FrameRequestError) => {
      cleanup();
      req.pause();
      ctx.set('Connection', 'close');
      reject(error);
    };
    const onData = (chunk: Buffer) => {
      total += chunk.length;
      if (total > limit) return stop(tooLarge(limit));
      try {
        inspect(chunk);
      } catch (error) {
        if (error instanceof FrameRequestError) return stop(error);
        throw error;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      cleanup();
      resolve(Buffer.concat(chunks, total));
    };
    const onError = (error: Error) => {
      cleanup();
      reject(new FrameRequestError(400, 'body_unreadable', say('frames.body_unreadable', { reason: error.message })));
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
  });
}

function tooManyParts(limits: FrameLimits): FrameRequestError {
  return new FrameRequestError(413, 'too_many_parts', say('frames.too_many_parts', { max: limits.maxFrames }));
}

function frameTooLarge(limits: FrameLimits): FrameRequestError {
  return new FrameRequestError(413, 'frame_too_large', say('frames.frame_too_large', { bytes: limits.maxFrameBytes }));
}

function tooLarge(limit: number): FrameRequestError {
  return new FrameRequestError(413, 'body_too_large', say('frames.body_too_large', { bytes: limit }));
}
