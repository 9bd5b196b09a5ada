// The face sign-in page: start the camera, take a frame, let the server decide.
import { captureFrame, postForJson, runChallenge, setStatus, startButton } from './camera.js';

const form = document.getElementById('signin');
const video = document.getElementById('preview');
const camera = document.getElementById('camera');
const status = document.getElementById('status');
const start = document.getElementById('start');
const verify = document.getElementById('verify');
const account = document.getElementById('account');
const prompt = document.getElementById('prompt');
const { uid } = form.dataset;

startButton({ start, video, camera, status, ready: 'Centre your face in the frame, then press “Verify my identity”.' }, () => {
  verify.disabled = false;
  verify.focus();
});

/** One frame, or with the liveness check a burst performing the server's challenge. */
async function takeAttempt() {
  const query = account?.value.trim() ? `?account=${encodeURIComponent(account.value.trim())}` : '';
  const url = `/interaction/${encodeURIComponent(uid)}/face${query}`;
  if (form.dataset.liveness !== 'true') {
    setStatus(status, 'Checking…', 'busy');
    return postForJson(url, { method: 'POST', headers: { 'Content-Type': 'image/jpeg' }, body: await captureFrame(video) });
  }
  const challenge = await postForJson(`/interaction/${encodeURIComponent(uid)}/challenge`, { method: 'POST' });
  if (!challenge.body.challenge) return challenge;
  setStatus(status, 'Follow the prompts on the picture.', 'busy');
  const frames = await runChallenge({ video, camera, prompt }, challenge.body.steps, challenge.body.frameIntervalMs);
  setStatus(status, 'Checking…', 'busy');
  const body = new FormData();
  body.append('challenge', challenge.body.challenge);
  frames.forEach((frame, i) => body.append('frame', frame, `frame-${i + 1}.jpg`));
  return postForJson(url, { method: 'POST', body });
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  verify.disabled = true;
  const { status: code, body } = await takeAttempt();
  if (body.status === 'accepted') {
    setStatus(status, 'Recognised. Signing you in…', 'success');
    window.location.assign(body.redirectTo);
    return;
  }
  if (body.status === 'ended') {
    setStatus(status, body.message, 'error');
    setTimeout(() => window.location.assign(body.redirectTo), 2500);
    return;
  }
  if (body.status === 'need_account' && account) {
    account.closest('details').open = true;
    account.focus();
  }
  const left = typeof body.attemptsLeft === 'number' && body.error === 'not_recognised'
    ? ` ${body.attemptsLeft} attempt${body.attemptsLeft === 1 ? '' : 's'} left.` : '';
  setStatus(status, (body.message ?? `Something went wrong (HTTP ${code}). Try again.`) + left, 'error');
  verify.disabled = false;
});
