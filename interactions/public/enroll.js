// The enrolment page: a few pictures a moment apart (or, with the liveness check, a burst that
// follows the server's prompts), sent together; the server checks them all.
import { captureFrame, postForJson, runChallenge, setStatus, startButton } from './camera.js';
import { offerPasskey } from './passkey-enroll.js';
import { localTimes, t } from './words.js';

const form = document.getElementById('enroll');
const video = document.getElementById('preview');
const camera = document.getElementById('camera');
const status = document.getElementById('status');
const start = document.getElementById('start');
const capture = document.getElementById('capture');
const shots = document.getElementById('shots');
const name = document.getElementById('name');
const prompt = document.getElementById('prompt');
const consent = document.getElementById('consent');
const { token } = form.dataset;
const liveness = form.dataset.liveness === 'true';
const count = Number(form.dataset.minFrames);
const PAUSE_MS = 700;

localTimes();

const ready = t(liveness ? 'script.enroll_ready_live' : 'script.enroll_ready');
/** The camera starts only once the consent box is ticked (when the page has one); else the page says so. */
function mayStart() {
  if (!consent || consent.checked) return true;
  setStatus(status, form.dataset.tickFirst, 'error');
  consent.focus();
  return false;
}

startButton({ start, video, camera, status, ready, mayStart }, () => {
  capture.hidden = false;
  capture.disabled = false;
  capture.focus();
});

/** The thumbnail slots: emptied before a new series, filled as each picture is taken. */
function clearShots() {
  for (const slot of shots.children) {
    const img = slot.querySelector('img');
    if (img) URL.revokeObjectURL(img.src);
    img?.remove();
    delete slot.dataset.taken;
  }
}

function showShot(index, frame) {
  const slot = shots.children[index];
  if (!slot) return;
  const img = document.createElement('img');
  img.alt = '';
  img.src = URL.createObjectURL(frame);
  slot.append(img);
  slot.dataset.taken = '';
}

function flash() {
  camera.classList.remove('flash');
  void camera.offsetWidth; // restart the animation
  camera.classList.add('flash');
}

/** Plain pictures a moment apart, into the form. */
async function takePictures(body) {
  for (let i = 0; i < count; i++) {
    setStatus(status, t('script.picture_hold', { number: i + 1, count }), 'busy');
    await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
    const frame = await captureFrame(video);
    flash();
    body.append('frame', frame, `frame-${i + 1}.jpg`);
    showShot(i, frame);
  }
  return null;
}

/** The server's challenge played, its burst into the form; the frames facing the camera shown. */
async function takeBurst(body) {
  const challenge = await postForJson(`/enroll/${encodeURIComponent(token)}/challenge`, { method: 'POST' });
  if (!challenge.body.challenge) return challenge;
  const { steps, frameIntervalMs } = challenge.body;
  setStatus(status, t('script.follow_prompts'), 'busy');
  const frames = await runChallenge({ video, camera, prompt }, steps, frameIntervalMs);
  body.append('challenge', challenge.body.challenge);
  frames.forEach((frame, i) => body.append('frame', frame, `frame-${i + 1}.jpg`));
  let at = 0;
  let shown = 0;
  for (const step of steps) {
    if (step.move === 'centre' && shown < count) showShot(shown++, frames[at]);
    at += step.frames;
  }
  return null;
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  capture.disabled = true;
  camera.dataset.state = 'capturing';
  // Busy at once: a previous refusal must not stay on screen while the pictures are taken.
  setStatus(status, t('script.getting_ready'), 'busy');
  clearShots();
  const body = new FormData();
  const failed = await (liveness ? takeBurst(body) : takePictures(body));
  if (failed) {
    camera.dataset.state = 'on';
    setStatus(status, failed.body.message ?? t('script.check_failed'), 'error');
    capture.disabled = failed.body.error === 'invalid_link';
    if (capture.disabled) capture.hidden = true;
    return;
  }
  if (name?.value.trim()) body.append('name', name.value.trim());
  // Sent only as ticked: the server refuses an enrolment without it (an unticked box stays unsent).
  if (consent?.checked) body.append('consent', consent.value);
  setStatus(status, t('script.checking_pictures'), 'busy');
  const { status: code, body: answer } = await postForJson(`/enroll/${encodeURIComponent(token)}`, {
    method: 'POST',
    body,
  });
  if (answer.status === 'enrolled') {
    setStatus(status, answer.message, 'success');
    camera.dataset.state = 'done';
    video.srcObject?.getTracks().forEach((track) => track.stop());
    capture.hidden = true;
    if (name) name.readOnly = true;
    if (consent) consent.disabled = true;
    if (answer.passkeyGrant) offerPasskey(answer.passkeyGrant);
    return;
  }
  camera.dataset.state = 'on';
  const message = answer.message ?? t('script.went_wrong', { status: code });
  setStatus(
    status,
    typeof answer.frame === 'number' ? t('script.picture_refused', { number: answer.frame + 1, message }) : message,
    'error',
  );
  // A link that cannot be used again: nothing more to try here.
  const spent = answer.error === 'invalid_link' || answer.linkSpent === true;
  capture.disabled = spent;
  if (spent) capture.hidden = true;
});
