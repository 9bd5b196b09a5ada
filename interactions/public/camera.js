// The webcam, shared by the sign-in and enrolment pages: start it on a user gesture, show it,
// and take a frame as a JPEG. Browsers only give cameras to secure pages (https or localhost).
// Everything it says is in the page's language (words.js).
import { languageHeaders, t } from './words.js';

/** What each of getUserMedia's errors means to the person, as a key of the catalogs. */
const CAMERA_ERRORS = {
  NotAllowedError: 'script.camera_refused',
  SecurityError: 'script.camera_blocked',
  NotFoundError: 'script.camera_missing',
  OverconstrainedError: 'script.camera_unsuitable',
  NotReadableError: 'script.camera_in_use',
  AbortError: 'script.camera_aborted',
};

/** Why this page cannot use a camera at all, or null when it can. */
function cameraUnavailableReason() {
  if (!window.isSecureContext) return t('script.insecure_page');
  if (!navigator.mediaDevices?.getUserMedia) return t('script.no_camera_api');
  return null;
}

/** The camera cannot be used: the reason, and the way in for people without one is pointed at. */
function cameraUnusable(status, message) {
  setStatus(status, message, 'error');
  document.getElementById('cannot-use')?.classList.add('attention');
}

/**
 * Wires the "Start camera" button: says why when the page cannot use a camera, starts it on
 * click, and calls `onReady` once the preview runs (or says what went wrong, and lets the user retry).
 */
export function startButton({ start, video, camera, status, ready, mayStart = () => true }, onReady) {
  const unavailable = cameraUnavailableReason();
  if (unavailable) {
    cameraUnusable(status, unavailable);
    start.disabled = true;
    return;
  }
  start.addEventListener('click', async () => {
    // A page may hold the camera back until the person has done something first (ticked consent).
    if (!mayStart()) return;
    start.disabled = true;
    setStatus(status, t('script.camera_starting'));
    const result = await startCamera(video, camera);
    if (!result.ok) {
      cameraUnusable(status, result.message);
      start.disabled = false;
      return;
    }
    start.hidden = true;
    setStatus(status, ready);
    onReady();
  });
}

async function startCamera(video, container) {
  try {
    const stream = await navigator.mediaDevices.getUserMedia({
      video: { width: { ideal: 640 }, height: { ideal: 480 }, facingMode: 'user' },
      audio: false,
    });
    video.srcObject = stream;
    await video.play();
    container.dataset.state = 'on';
    return { ok: true };
  } catch (error) {
    return {
      ok: false,
      message: CAMERA_ERRORS[error?.name]
        ? t(CAMERA_ERRORS[error.name])
        : t('script.camera_failed', { reason: error?.name ?? String(error) }),
    };
  }
}

/** The current frame, as the camera sees it (not mirrored like the preview), as a JPEG Blob. */
export function captureFrame(video) {
  const canvas = document.createElement('canvas');
  canvas.width = video.videoWidth;
  canvas.height = video.videoHeight;
  canvas.getContext('2d').drawImage(video, 0, 0);
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('no frame'))), 'image/jpeg', 0.92),
  );
}

export function setStatus(element, text, tone = 'info') {
  element.textContent = text;
  element.dataset.tone = tone;
}

/** fetch, in the page's language, and the JSON answer whatever the status; a network failure becomes an answer too. */
export async function postForJson(url, init) {
  try {
    const response = await fetch(url, {
      credentials: 'same-origin',
      ...init,
      headers: { ...languageHeaders, ...init.headers },
    });
    const body = await response.json().catch(() => ({}));
    return { status: response.status, body };
  } catch {
    return {
      status: 0,
      body: { message: t('script.unreachable') },
    };
  }
}

const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Plays a liveness challenge: shows each step's prompt over the preview (and which way to move),
 * gives the person a moment to start moving, then takes that step's frames a beat apart.
 * Resolves to every frame, in order.
 */
export async function runChallenge({ video, camera, prompt }, steps, intervalMs) {
  const frames = [];
  try {
    for (const [i, step] of steps.entries()) {
      prompt.textContent = step.prompt;
      camera.dataset.move = step.move;
      await wait(i === 0 ? 400 : 700);
      for (let f = 0; f < step.frames; f++) {
        frames.push(await captureFrame(video));
        await wait(intervalMs);
      }
    }
  } finally {
    prompt.textContent = '';
    delete camera.dataset.move;
  }
  return frames;
}
