// The webcam, shared by the sign-in and enrolment pages: start it on a user gesture, show it,
// and take a frame as a JPEG. Browsers only give cameras to secure pages (https or localhost).

const CAMERA_ERRORS = {
  NotAllowedError:
    "Camera access was refused. Allow the camera for this site (the camera icon in the address bar, or the browser's site settings), then press “Start camera” again.",
  SecurityError:
    "Camera access was refused. Allow the camera for this site in the browser's settings, then press “Start camera” again.",
  NotFoundError: 'No camera was found. Connect a camera and press “Start camera” again.',
  OverconstrainedError: 'No suitable camera was found. Connect a camera and press “Start camera” again.',
  NotReadableError: 'The camera is in use by another application. Close it and press “Start camera” again.',
  AbortError: 'The camera could not start. Press “Start camera” again.',
};

/** Why this page cannot use a camera at all, or null when it can. */
function cameraUnavailableReason() {
  if (!window.isSecureContext) {
    return "Cameras only work on secure pages. Open this page over https (or on localhost); ask the site's operator to set up https.";
  }
  if (!navigator.mediaDevices?.getUserMedia)
    return 'This browser cannot use a camera. Try a recent Chrome, Edge, Firefox or Safari.';
  return null;
}

/**
 * Wires the "Start camera" button: says why when the page cannot use a camera, starts it on
 * click, and calls `onReady` once the preview runs (or says what went wrong, and lets the user retry).
 */
export function startButton({ start, video, camera, status, ready }, onReady) {
  const unavailable = cameraUnavailableReason();
  if (unavailable) {
    setStatus(status, unavailable, 'error');
    start.disabled = true;
    return;
  }
  start.addEventListener('click', async () => {
    start.disabled = true;
    setStatus(status, 'Starting the camera…');
    const result = await startCamera(video, camera);
    if (!result.ok) {
      setStatus(status, result.message, 'error');
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
      message:
        CAMERA_ERRORS[error?.name] ??
        `The camera could not start (${error?.name ?? error}). Press “Start camera” again.`,
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

/** fetch, and the JSON answer whatever the status; a network failure becomes an answer too. */
export async function postForJson(url, init) {
  try {
    const response = await fetch(url, { credentials: 'same-origin', ...init });
    const body = await response.json().catch(() => ({}));
    return { status: response.status, body };
  } catch {
    return {
      status: 0,
      body: { message: 'The sign-in service could not be reached. Check your connection and try again.' },
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
